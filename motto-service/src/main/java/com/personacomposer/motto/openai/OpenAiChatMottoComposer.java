package com.personacomposer.motto.openai;

import com.personacomposer.motto.compose.MottoComposer;
import com.personacomposer.motto.compose.MottoRefusedException;
import com.personacomposer.motto.compose.MottoRequest;
import com.personacomposer.motto.compose.MottoText;
import com.personacomposer.kit.provider.ProviderException;
import com.personacomposer.kit.provider.ProviderRejectedException;
import com.personacomposer.kit.provider.ProviderTimeoutException;
import com.personacomposer.kit.provider.ProviderClients;
import java.util.regex.Pattern;

/**
 * Asks an OpenAI-compatible chat model for the motto, with the configured prompt. The reply is trimmed of
 * whitespace and wrapping quotes and kept to one line. A refusal, a content filter stop, an empty reply or an error
 * the provider will repeat (400, 401, 403, 404, 422, insufficient_quota) is a {@link MottoRefusedException}; a
 * provider still unavailable after the retries is a {@link ChatUnavailableException}, for the record to be retried.
 */
public final class OpenAiChatMottoComposer implements MottoComposer {

    public static final String PROVIDER = "openai";

    /** The description goes inside these tags; a description must not close them itself. */
    private static final Pattern DELIMITER = Pattern.compile("(?i)<\\s*/?\\s*description\\s*>");
    private static final Pattern LABEL = Pattern.compile("(?i)^(motto|slogan|tagline)\\s*:\\s*");
    private static final String OPENING_QUOTES = "\"'“‘«„`";
    private static final String CLOSING_QUOTES = "\"'”’»“`";
    private static final String DOUBLE_QUOTES = "\"“”«»„";
    private static final int MAX_REFUSAL = 200;

    private final OpenAiChatClient client;
    private final OpenAiChatProperties properties;

    OpenAiChatMottoComposer(OpenAiChatClient client, OpenAiChatProperties properties) {
        this.client = client;
        this.properties = properties;
    }

    /** The composer asking the chat model {@code properties} configure, through the service's provider clients. */
    public static OpenAiChatMottoComposer of(OpenAiChatProperties properties, ProviderClients clients) {
        return new OpenAiChatMottoComposer(new OpenAiChatClient(properties, clients), properties);
    }

    @Override
    public String provider() {
        return PROVIDER;
    }

    @Override
    public String metricName() {
        return OpenAiChatClient.INSTANCE;
    }

    @Override
    public String compose(MottoRequest request) {
        ChatReply reply = call(prompt(request));
        if (reply.refusal() != null && !reply.refusal().isBlank()) {
            throw new MottoRefusedException("the chat model refused to write a motto: " + shorten(reply.refusal()));
        }
        if ("content_filter".equals(reply.finishReason())) {
            throw new MottoRefusedException("the chat provider's content filter stopped the motto");
        }
        String motto = clean(reply.content());
        if (motto.isEmpty()) {
            throw new MottoRefusedException("the chat model returned an empty motto");
        }
        return motto;
    }

    /** The configured prompt; with no description the persona's name stands in for it. */
    String prompt(MottoRequest request) {
        String description = request.description().isBlank() ? request.personaName() : request.description();
        return properties.promptTemplate()
                .replace("${description}", DELIMITER.matcher(description).replaceAll(" ").strip())
                .replace("${mottoTone}", request.tone().id());
    }

    private ChatReply call(String userPrompt) {
        try {
            return client.complete(properties.systemPrompt(), userPrompt);
        } catch (ProviderRejectedException e) {
            throw new MottoRefusedException(e.getMessage(), e);
        } catch (ProviderTimeoutException e) {
            throw new ChatUnavailableException("the chat provider did not answer in time", e);
        } catch (ProviderException e) {
            throw new ChatUnavailableException(e.getMessage(), e);
        }
    }

    /** Trimmed, first non-blank line, without a "Motto:" label or the quotes models like to wrap mottos in. */
    static String clean(String content) {
        if (content == null) {
            return "";
        }
        String line = content.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        String previous;
        do {
            previous = line;
            line = LABEL.matcher(line).replaceFirst("").strip();
            if (line.length() >= 2 && OPENING_QUOTES.indexOf(line.charAt(0)) >= 0
                    && CLOSING_QUOTES.indexOf(line.charAt(line.length() - 1)) >= 0) {
                String inner = line.substring(1, line.length() - 1);
                // '"A" and "B"' is two quotations, not one wrapped motto; apostrophes inside '...' are fine.
                boolean doubleQuoted = DOUBLE_QUOTES.indexOf(line.charAt(0)) >= 0;
                if (!doubleQuoted || inner.chars().noneMatch(c -> DOUBLE_QUOTES.indexOf(c) >= 0)) {
                    line = inner.strip();
                }
            }
        } while (!line.equals(previous));
        return line.isEmpty() ? "" : MottoText.fit(line);
    }

    private static String shorten(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= MAX_REFUSAL ? line : line.substring(0, MAX_REFUSAL) + "…";
    }
}
