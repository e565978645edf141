package com.personacomposer.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.personacomposer.events.FailureStage;
import com.personacomposer.events.ImageGenerated;
import com.personacomposer.events.ImageModel;
import com.personacomposer.events.ImageStored;
import com.personacomposer.events.PersonaEvent;
import com.personacomposer.events.PersonaFailed;
import com.personacomposer.kit.image.ImageFormat;
import com.personacomposer.kit.kafka.EventPublisher;
import com.personacomposer.kit.s3.S3Properties;
import com.personacomposer.storage.download.DownloadGuard;
import com.personacomposer.storage.download.DownloadRefusedException;
import com.personacomposer.storage.download.DownloadedImage;
import com.personacomposer.storage.download.TestImages;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

class ImageStorageServiceTest {

    private static final String URL = "http://localhost:8082/images/abc.png";

    private final DownloadGuard guard = mock(DownloadGuard.class);
    private final S3Client s3 = mock(S3Client.class);
    private final EventPublisher publisher = mock(EventPublisher.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ImageStorageService service = new ImageStorageService(guard, s3,
            new S3Properties("persona-images", null, null, "us-east-1", Duration.ofSeconds(60)), publisher,
            new TransferMetrics(meters));
    private final ImageGenerated generated = ImageGenerated.of(UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001"),
            "ada lovelace", ImageModel.DALL_E, URL, "a revised prompt");

    @Test
    void givenAnImageWhenGeneratedThenPutsItUnderThePersonasFolderAndAnnouncesIt() {
        byte[] png = TestImages.png();
        when(guard.download(URL)).thenReturn(new DownloadedImage(png, ImageFormat.PNG));

        service.onImageGenerated(generated);

        ArgumentCaptor<PutObjectRequest> put = ArgumentCaptor.forClass(PutObjectRequest.class);
        verify(s3).putObject(put.capture(), any(RequestBody.class));
        String key = "persona-generations/177f85df57ad121d/6f1c2a9e-0000-4000-8000-000000000001.png";
        assertThat(put.getValue().bucket()).isEqualTo("persona-images");
        assertThat(put.getValue().key()).isEqualTo(key);
        assertThat(put.getValue().contentType()).isEqualTo("image/png");
        assertThat(put.getValue().contentLength()).isEqualTo(png.length);

        ImageStored stored = (ImageStored) published();
        assertThat(stored.requestId()).isEqualTo(generated.requestId());
        assertThat(stored.personaKey()).isEqualTo("ada lovelace");
        assertThat(stored.model()).isEqualTo(ImageModel.DALL_E);
        assertThat(stored.s3Key()).isEqualTo(key);
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.sizeBytes()).isEqualTo(png.length);
        assertThat(stored.revisedPrompt()).isEqualTo("a revised prompt");
        for (String transfer : new String[] {TransferMetrics.DOWNLOAD, TransferMetrics.UPLOAD}) {
            assertThat(meters.get(transfer).tag("outcome", "success").timer().count()).as(transfer).isEqualTo(1);
            assertThat(meters.get(transfer + ".size").summary().totalAmount()).as(transfer).isEqualTo(png.length);
        }
    }

    @Test
    void givenARefusedDownloadWhenGeneratedThenFailsTheRequestAtTheStorageStage() {
        when(guard.download(URL)).thenThrow(new DownloadRefusedException(
                "download refused: 169.254.169.254 is a link-local address"));

        service.onImageGenerated(generated);

        PersonaFailed failed = (PersonaFailed) published();
        assertThat(failed.requestId()).isEqualTo(generated.requestId());
        assertThat(failed.stage()).isEqualTo(FailureStage.STORAGE);
        assertThat(failed.reason()).isEqualTo("download refused: 169.254.169.254 is a link-local address");
        verifyNoInteractions(s3);
        assertThat(meters.get(TransferMetrics.DOWNLOAD).tag("outcome", "refused").timer().count()).isEqualTo(1);
        assertThat(meters.find(TransferMetrics.DOWNLOAD + ".size").summary()).as("no image, no size").isNull();
    }

    @Test
    void givenAnS3FailureWhenGeneratedThenThrowsSoTheRecordIsRetried() {
        when(guard.download(URL)).thenReturn(new DownloadedImage(TestImages.jpeg(), ImageFormat.JPEG));
        when(s3.putObject(any(PutObjectRequest.class), any(RequestBody.class)))
                .thenThrow(S3Exception.builder().message("Service Unavailable").statusCode(503).build());

        assertThatThrownBy(() -> service.onImageGenerated(generated)).isInstanceOf(S3Exception.class);
        verify(publisher, never()).publish(any());
        assertThat(meters.get(TransferMetrics.UPLOAD).tag("outcome", "failed").timer().count()).isEqualTo(1);
    }

    @Test
    void keysHashTheCanonicalNameSoAnyScriptGivesAShortAsciiFolder() {
        assertThat(ObjectKeys.of("李小龙", UUID.fromString("6f1c2a9e-0000-4000-8000-000000000002"), ImageFormat.WEBP))
                .isEqualTo("persona-generations/535320da46397a78/6f1c2a9e-0000-4000-8000-000000000002.webp");
    }

    private PersonaEvent published() {
        ArgumentCaptor<PersonaEvent> captor = ArgumentCaptor.forClass(PersonaEvent.class);
        verify(publisher).publish(captor.capture());
        return captor.getValue();
    }
}
