package com.personacomposer.storage.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
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
import com.personacomposer.storage.download.DownloadGuard;
import com.personacomposer.storage.download.DownloadProperties;
import com.personacomposer.storage.download.DownloadRefusedException;
import com.personacomposer.storage.download.DownloadedImage;
import com.personacomposer.storage.download.TestImages;
import com.personacomposer.storage.memory.MemoryBudget;
import com.personacomposer.storage.thumbnail.Thumbnailer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import com.personacomposer.events.PersonaCanceled;
import com.personacomposer.kit.cancel.CanceledRequests;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.services.s3.model.S3Exception;

class ImageStorageServiceTest {

    private static final String URL = "http://localhost:8082/images/abc.png";
    private static final String KEY = "persona-generations/177f85df57ad121d/6f1c2a9e-0000-4000-8000-000000000001";

    private final DownloadGuard guard = mock(DownloadGuard.class);
    private final StoredImages bucket = mock(StoredImages.class);
    private final EventPublisher publisher = mock(EventPublisher.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MemoryBudget memory = new MemoryBudget(DataSize.ofMegabytes(160).toBytes(), meters);
    private final CanceledRequests canceled = new CanceledRequests(Duration.ofMinutes(5), java.time.Clock.systemUTC());
    private final ImageStorageService service = service(memory, DataSize.ofMegabytes(20));
    private final ImageGenerated generated = ImageGenerated.of(UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001"),
            "ada lovelace", ImageModel.DALL_E, URL, "a revised prompt");

    @Test
    void givenAnImageWhenGeneratedThenPutsItAndItsThumbnailsUnderThePersonasFolderAndAnnouncesThem() {
        byte[] png = TestImages.png(600, 300);
        when(guard.download(URL)).thenReturn(new DownloadedImage(png, ImageFormat.PNG));

        service.onImageGenerated(generated);

        verify(bucket).put(KEY + ".png", "image/png", png);
        ArgumentCaptor<byte[]> thumbnail = ArgumentCaptor.forClass(byte[].class);
        verify(bucket).put(eq(KEY + ".thumb.jpg"), eq("image/jpeg"), thumbnail.capture());
        assertThat(ImageFormat.detect(thumbnail.getValue())).contains(ImageFormat.JPEG);
        ArgumentCaptor<byte[]> doubleSize = ArgumentCaptor.forClass(byte[].class);
        verify(bucket).put(eq(KEY + ".thumb2x.jpg"), eq("image/jpeg"), doubleSize.capture());
        assertThat(doubleSize.getValue().length).as("twice the sides").isGreaterThan(thumbnail.getValue().length);

        ImageStored stored = (ImageStored) published();
        assertThat(stored.requestId()).isEqualTo(generated.requestId());
        assertThat(stored.personaKey()).isEqualTo("ada lovelace");
        assertThat(stored.model()).isEqualTo(ImageModel.DALL_E);
        assertThat(stored.s3Key()).isEqualTo(KEY + ".png");
        assertThat(stored.contentType()).isEqualTo("image/png");
        assertThat(stored.sizeBytes()).isEqualTo(png.length);
        assertThat(stored.revisedPrompt()).isEqualTo("a revised prompt");
        assertThat(stored.thumbnailKey()).isEqualTo(KEY + ".thumb.jpg");
        assertThat(stored.thumbnailContentType()).isEqualTo("image/jpeg");
        for (String transfer : new String[] {TransferMetrics.DOWNLOAD, TransferMetrics.UPLOAD}) {
            assertThat(meters.get(transfer).tag("outcome", "success").timer().count()).as(transfer).isEqualTo(1);
            assertThat(meters.get(transfer + ".size").summary().totalAmount()).as(transfer).isEqualTo(png.length);
        }
        assertThat(memory.peak()).as("the largest download was reserved first").isEqualTo(20 * 1024 * 1024);
        assertThat(meters.get("persona.storage.in.flight").gauge().value()).as("all given back").isZero();
    }

    @Test
    void givenACanceledRequestWhenGeneratedThenNeitherDownloadsNorStoresNorAnnounces() {
        canceled.heard(PersonaCanceled.of(generated.requestId(), generated.personaKey(), null));

        service.onImageGenerated(generated);

        verifyNoInteractions(guard, bucket, publisher);
    }

    @Test
    void givenARefusedDownloadWhenGeneratedThenFailsTheRequestAtTheStorageStage() {
        when(guard.download(URL)).thenThrow(new DownloadRefusedException(
                "download refused: 169.254.169.254 is a link-local address"));

        service.onImageGenerated(generated);

        PersonaFailed failed = (PersonaFailed) published();
        assertThat(failed.requestId()).isEqualTo(generated.requestId());
        assertThat(failed.stage()).isEqualTo(FailureStage.STORAGE);
        assertThat(failed.reason()).isEqualTo("download refused: [address] is a link-local address");
        verifyNoInteractions(bucket);
        assertThat(meters.get(TransferMetrics.DOWNLOAD).tag("outcome", "refused").timer().count()).isEqualTo(1);
        assertThat(meters.find(TransferMetrics.DOWNLOAD + ".size").summary()).as("no image, no size").isNull();
    }

    @Test
    void givenACorruptImageWhenGeneratedThenFailsTheRequestAtTheStorageStageAndStoresNothing() {
        byte[] png = TestImages.png(64, 64);
        byte[] truncated = java.util.Arrays.copyOf(png, png.length / 2);
        when(guard.download(URL)).thenReturn(new DownloadedImage(truncated, ImageFormat.PNG));

        service.onImageGenerated(generated);

        PersonaFailed failed = (PersonaFailed) published();
        assertThat(failed.stage()).isEqualTo(FailureStage.STORAGE);
        assertThat(failed.reason()).startsWith("the image is not a readable PNG (");
        verifyNoInteractions(bucket);
        assertThat(meters.get("persona.storage.in.flight").gauge().value()).isZero();
    }

    @Test
    void givenAnImageDeclaringAbsurdDimensionsWhenGeneratedThenFailsTheRequestWithoutDecodingIt() {
        when(guard.download(URL)).thenReturn(new DownloadedImage(TestImages.pngDeclaring(100_000, 100_000),
                ImageFormat.PNG));

        service.onImageGenerated(generated);

        PersonaFailed failed = (PersonaFailed) published();
        assertThat(failed.stage()).isEqualTo(FailureStage.STORAGE);
        assertThat(failed.reason()).isEqualTo("the image declares 100000x100000 pixels, more than the 25000000 allowed");
        verifyNoInteractions(bucket);
    }

    @Test
    void givenAnImageNeedingMoreMemoryThanIsFreeWhenGeneratedThenWaitsHoldingNothingAndDownloadsAgain()
            throws Exception {
        // 18 MB in all, 14 MB taken elsewhere: the 2 MB download fits, the 1500 x 1500 image's 13 MB to decode and
        // shrink do not.
        SimpleMeterRegistry smallMeters = new SimpleMeterRegistry();
        MemoryBudget small = new MemoryBudget(DataSize.ofMegabytes(18).toBytes(), smallMeters);
        ImageStorageService tight = service(small, DataSize.ofMegabytes(2));
        MemoryBudget.Reservation elsewhere = small.reserve(DataSize.ofMegabytes(14).toBytes());
        when(guard.download(URL)).thenReturn(new DownloadedImage(TestImages.png(1500, 1500), ImageFormat.PNG));

        CompletableFuture<Void> storing = CompletableFuture.runAsync(() -> tight.onImageGenerated(generated));

        // It gave back its download's bytes and waits for all it needs, holding nothing.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            verify(guard).download(URL);
            assertThat(smallMeters.get("persona.storage.in.flight").gauge().value())
                    .isEqualTo(DataSize.ofMegabytes(14).toBytes());
        });
        assertThat(storing).isNotDone();
        elsewhere.close();
        storing.get(10, TimeUnit.SECONDS);

        verify(guard, times(2)).download(URL);
        assertThat(published()).isInstanceOf(ImageStored.class);
    }

    @Test
    void givenAnS3FailureWhenGeneratedThenThrowsSoTheRecordIsRetried() {
        when(guard.download(URL)).thenReturn(new DownloadedImage(TestImages.jpeg(), ImageFormat.JPEG));
        S3Exception unavailable = (S3Exception) S3Exception.builder().message("Service Unavailable").statusCode(503)
                .build();
        doThrow(unavailable).when(bucket).put(eq(KEY + ".jpg"), any(), any());

        assertThatThrownBy(() -> service.onImageGenerated(generated)).isInstanceOf(S3Exception.class);
        verify(publisher, never()).publish(any());
        assertThat(meters.get(TransferMetrics.UPLOAD).tag("outcome", "failed").timer().count()).isEqualTo(1);
        assertThat(meters.get("persona.storage.in.flight").gauge().value()).isZero();
    }

    @Test
    void refusesToStartWithABudgetThatCannotHoldOneLargestImage() {
        MemoryBudget tiny = new MemoryBudget(DataSize.ofMegabytes(50).toBytes(), new SimpleMeterRegistry());

        assertThatThrownBy(() -> service(tiny, DataSize.ofMegabytes(20)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("persona.storage.max-bytes-in-flight (52428800 bytes) must hold the largest "
                        + "download with its decoded pixels");
    }

    @Test
    void keysHashTheCanonicalNameSoAnyScriptGivesAShortAsciiFolder() {
        assertThat(ObjectKeys.of("李小龙", UUID.fromString("6f1c2a9e-0000-4000-8000-000000000002"), ImageFormat.WEBP))
                .isEqualTo("persona-generations/535320da46397a78/6f1c2a9e-0000-4000-8000-000000000002.webp");
        assertThat(ObjectKeys.thumbnailOf("persona-generations/535320da46397a78/6f1c2a9e.webp"))
                .isEqualTo("persona-generations/535320da46397a78/6f1c2a9e.thumb.jpg");
        assertThat(ObjectKeys.doubleSizeThumbnailOf("persona-generations/535320da46397a78/6f1c2a9e.webp"))
                .isEqualTo("persona-generations/535320da46397a78/6f1c2a9e.thumb2x.jpg");
        assertThat(ObjectKeys.isThumbnail("persona-generations/535320da46397a78/6f1c2a9e.thumb2x.jpg")).isTrue();
        assertThat(ObjectKeys.isThumbnail("persona-generations/535320da46397a78/6f1c2a9e.webp")).isFalse();
    }

    private ImageStorageService service(MemoryBudget budget, DataSize maxDownload) {
        long maxPixels = maxDownload.toBytes() < DataSize.ofMegabytes(20).toBytes() ? 2_500_000 : 25_000_000;
        DownloadProperties downloads = new DownloadProperties(URI.create("http://localhost:8082"), List.of(),
                maxDownload, Duration.ofSeconds(5), Duration.ofSeconds(30), 3);
        return new ImageStorageService(guard, downloads, new Thumbnailer(maxPixels), bucket, publisher,
                new TransferMetrics(meters), budget, canceled);
    }

    private PersonaEvent published() {
        ArgumentCaptor<PersonaEvent> captor = ArgumentCaptor.forClass(PersonaEvent.class);
        verify(publisher).publish(captor.capture());
        return captor.getValue();
    }
}
