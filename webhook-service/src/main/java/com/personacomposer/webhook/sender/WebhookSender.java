package com.personacomposer.webhook.sender;

import com.personacomposer.kit.address.AddressGuard;
import com.personacomposer.kit.address.AddressRefusedException;
import com.personacomposer.kit.address.CheckedTarget;
import com.personacomposer.kit.address.Deadlines;
import com.personacomposer.kit.address.PinnedHttpClients;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.springframework.stereotype.Component;

/**
 * POSTs a signed delivery to a client's receiver, through service-kit's address guard (the same policy as image
 * downloads): https only, the host resolved once and every address public (loopback too, and http, with
 * PERSONA_WEBHOOK_ALLOW_LOCAL; private, link-local and metadata addresses never), the connection pinned to the
 * addresses checked, no redirect followed, and the whole attempt bounded by the timeout.
 */
@Component
public class WebhookSender implements AutoCloseable {

    private static final String USER_AGENT = "persona-composer-webhooks";

    private final SenderProperties properties;
    private final AddressGuard guard;
    private final Deadlines deadlines = new Deadlines("webhook-deadlines");

    WebhookSender(SenderProperties properties, AddressGuard.HostResolver resolver) {
        this.properties = properties;
        this.guard = AddressGuard.forWebhooks(properties.allowLocal(), resolver);
    }

    /** One attempt: {@code headers} (webhook-id, -timestamp, -signature) and the JSON {@code body}. */
    public Attempt send(String url, Map<String, String> headers, String body) {
        long started = System.nanoTime();
        CheckedTarget target;
        try {
            target = guard.check(new URI(url));
        } catch (URISyntaxException e) {
            return new Attempt(Attempt.Result.REFUSED, null, since(started), "the URL is not valid");
        } catch (AddressRefusedException e) {
            return new Attempt(Attempt.Result.REFUSED, null, since(started), e.getMessage());
        } catch (UnknownHostException e) {
            return new Attempt(Attempt.Result.CONNECTION_ERROR, null, since(started), "cannot resolve the host");
        }
        long deadline = started + properties.timeout().toNanos();
        Duration left = Duration.ofNanos(Math.max(1, deadline - System.nanoTime()));
        Duration connect = properties.connectTimeout().compareTo(left) < 0 ? properties.connectTimeout() : left;
        try (CloseableHttpClient client = PinnedHttpClients.open(target, connect, left, USER_AGENT)) {
            HttpPost post = new HttpPost(target.uri());
            headers.forEach(post::setHeader);
            post.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
            ScheduledFuture<?> abort = deadlines.abortAfter(left.toNanos(), post::cancel);
            ClassicHttpResponse response = null;
            try {
                response = client.executeOpen(null, post, null);
                int status = response.getCode();
                Attempt.Result result = status >= 200 && status < 300 ? Attempt.Result.DELIVERED
                        : status == 410 ? Attempt.Result.GONE : Attempt.Result.HTTP_ERROR;
                return new Attempt(result, status, since(started), "HTTP " + status + " from " + target.host());
            } catch (IOException e) {
                boolean late = post.isCancelled() || e instanceof InterruptedIOException
                        || System.nanoTime() - deadline >= 0;
                return new Attempt(late ? Attempt.Result.TIMEOUT : Attempt.Result.CONNECTION_ERROR, null,
                        since(started), (late ? "no answer within " + properties.timeout() : e.getClass().getSimpleName())
                        + " from " + target.host());
            } finally {
                abort.cancel(false);
                // The receiver's body is not read: abandon the connection rather than wait for it.
                PinnedHttpClients.abandon(post, response);
            }
        } catch (IOException e) {
            return new Attempt(Attempt.Result.CONNECTION_ERROR, null, since(started),
                    e.getClass().getSimpleName() + " from " + target.host());
        }
    }

    @Override
    public void close() {
        deadlines.close();
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }
}
