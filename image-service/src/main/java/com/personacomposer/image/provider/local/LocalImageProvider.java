package com.personacomposer.image.provider.local;

import com.personacomposer.events.ImageModel;
import com.personacomposer.image.provider.GeneratedImage;
import com.personacomposer.image.provider.ImagePrompt;
import com.personacomposer.image.provider.ImageProvider;
import com.personacomposer.kit.provider.SimulatedLatency;
import org.springframework.stereotype.Component;

/**
 * The offline model: always available, free, instant (unless a benchmark asks it to act slow). Its image is a pure
 * function of the prompt, so the URL it announces carries the prompt and any instance renders it on download: nothing
 * is held in memory, and an image survives an image-service restart or is served by another replica.
 */
@Component
class LocalImageProvider implements ImageProvider {

    private final LocalImageUrls urls;
    private final SimulatedLatency latency;

    LocalImageProvider(LocalImageUrls urls, BenchProperties bench) {
        this.urls = urls;
        this.latency = new SimulatedLatency(bench.imageLatency());
    }

    @Override
    public ImageModel model() {
        return ImageModel.LOCAL;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    public String requirement() {
        return "nothing";
    }

    @Override
    public GeneratedImage generate(ImagePrompt prompt) {
        latency.await();
        return new GeneratedImage.Hosted(urls.urlOf(prompt), null);
    }
}
