package com.personacomposer.image.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.personacomposer.events.MottoTone;
import com.personacomposer.image.provider.ImagePrompt;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class LocalRendererTest {

    private final LocalRenderer renderer = new LocalRenderer();

    @Test
    void rendersA512SquarePng() throws IOException {
        byte[] png = renderer.render(prompt("Ada Lovelace", "a mathematician", MottoTone.NEUTRAL));

        assertThat(Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        BufferedImage image = read(png);
        assertThat(image.getWidth()).isEqualTo(512);
        assertThat(image.getHeight()).isEqualTo(512);
    }

    @Test
    void sameInputGivesIdenticalBytes() {
        ImagePrompt prompt = prompt("Zoë", "a sarcastic jazz pianist with glasses", MottoTone.SARCASTIC);

        assertThat(new LocalRenderer().render(prompt)).isEqualTo(renderer.render(prompt));
    }

    @Test
    void isNeverBlank() throws IOException {
        BufferedImage image = read(renderer.render(prompt("X", "", MottoTone.NEUTRAL)));

        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < 512; y += 2) {
            for (int x = 0; x < 512; x += 2) {
                colours.add(image.getRGB(x, y));
            }
        }
        assertThat(colours).hasSizeGreaterThan(500);
        assertThat(image.getRGB(256, 250)).as("face differs from the backdrop").isNotEqualTo(image.getRGB(10, 10));
    }

    @Test
    void aRedDescriptionGivesARedBackdrop() throws IOException {
        float hue = backdropHue(renderer.render(prompt("Sam", "wears a red scarf", MottoTone.NEUTRAL)));

        assertThat(hue < 0.05f || hue > 0.93f).as("hue %s is red", hue).isTrue();
    }

    @Test
    void anOceanDescriptionGivesABlueBackdrop() throws IOException {
        float hue = backdropHue(renderer.render(prompt("Sam", "a sailor who loves the ocean", MottoTone.NEUTRAL)));

        assertThat(hue).as("blue or teal").isBetween(0.45f, 0.70f);
    }

    @Test
    void aForestDescriptionGivesAGreenBackdrop() throws IOException {
        float hue = backdropHue(renderer.render(prompt("Sam", "lives deep in the forest", MottoTone.NEUTRAL)));

        assertThat(hue).as("green").isBetween(0.22f, 0.45f);
    }

    @Test
    void aNightDescriptionGivesADarkBackdrop() throws IOException {
        BufferedImage image = read(renderer.render(prompt("Sam", "a creature of the night", MottoTone.NEUTRAL)));

        assertThat(brightness(mean(image, 8, 8, 100, 100))).isLessThan(0.3f);
    }

    @Test
    void differentDescriptionsLookVisiblyDifferent() throws IOException {
        BufferedImage desert = read(renderer.render(prompt("Sam", "a desert nomad", MottoTone.NEUTRAL)));
        BufferedImage snow = read(renderer.render(prompt("Sam", "a snow scout", MottoTone.NEUTRAL)));

        assertThat(meanDifference(desert, snow)).isGreaterThan(40);
    }

    @Test
    void theToneChangesTheExpressionAndKeepsTheFace() throws IOException {
        BufferedImage sombre = read(renderer.render(prompt("Sam", "a poet", MottoTone.SOMBRE)));
        BufferedImage comical = read(renderer.render(prompt("Sam", "a poet", MottoTone.COMICAL)));

        assertThat(differingPixels(sombre, comical, 216, 290, 80, 60)).as("mouth").isGreaterThan(500);
        assertThat(differingPixels(sombre, comical, 0, 0, 512, 120)).as("backdrop above the head").isZero();
    }

    @Test
    void withoutColourWordsTheNameChoosesThePalette() {
        Look a = Look.of(prompt("Ada", "a mathematician", MottoTone.NEUTRAL));
        Look b = Look.of(prompt("Ada", "writes poetry", MottoTone.NEUTRAL));
        Look c = Look.of(prompt("Grace", "a mathematician", MottoTone.NEUTRAL));

        assertThat(b.top()).isEqualTo(a.top());
        assertThat(c.top()).isNotEqualTo(a.top());
    }

    @Test
    void theFirstSceneWordWins() {
        assertThat(Look.of(prompt("Ada", "a red fox in the snow", MottoTone.NEUTRAL)).top())
                .isEqualTo(Scene.RED.top);
        assertThat(Look.of(prompt("Ada", "snow falls on the red fox", MottoTone.NEUTRAL)).top())
                .isEqualTo(Scene.SNOW.top);
        assertThat(Look.of(prompt("Ada", "counts the stars", MottoTone.NEUTRAL)).motif())
                .isEqualTo(Scene.Motif.STARS);
    }

    @Test
    void accessoriesFollowTheDescription() {
        assertThat(Look.of(prompt("Ada", "a bearded professor in a hat", MottoTone.NEUTRAL)).accessories())
                .containsExactlyInAnyOrder(Look.Accessory.BEARD, Look.Accessory.GLASSES, Look.Accessory.HAT);
        assertThat(Look.of(prompt("Ada", "a queen, Glasses and sunglasses", MottoTone.NEUTRAL)).accessories())
                .containsExactlyInAnyOrder(Look.Accessory.CROWN, Look.Accessory.SUNGLASSES);
        assertThat(Look.of(prompt("Ada", "a mathematician", MottoTone.NEUTRAL)).accessories()).isEmpty();
    }

    @Test
    void rendersInWellUnderAHundredMillisecondsOfCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5; i++) {
            renderer.render(prompt("Warm " + i, "a night at the ocean with glasses", MottoTone.COMICAL));
        }
        long[] cpuMillis = new long[9];
        for (int i = 0; i < cpuMillis.length; i++) {
            long start = threads.getCurrentThreadCpuTime();
            renderer.render(prompt("Timed " + i, "a wizard in the forest with a beard", MottoTone.SARCASTIC));
            cpuMillis[i] = (threads.getCurrentThreadCpuTime() - start) / 1_000_000;
        }
        Arrays.sort(cpuMillis);
        assertThat(cpuMillis[cpuMillis.length / 2]).as("median CPU ms").isLessThan(100);
    }

    private static ImagePrompt prompt(String name, String description, MottoTone tone) {
        return new ImagePrompt(name, description, tone);
    }

    private static BufferedImage read(byte[] png) throws IOException {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The hue of the mean colour of both top corners, away from the figure. */
    private static float backdropHue(byte[] png) throws IOException {
        BufferedImage image = read(png);
        Color left = mean(image, 8, 8, 96, 96);
        Color right = mean(image, 408, 8, 96, 96);
        Color both = new Color((left.getRed() + right.getRed()) / 2, (left.getGreen() + right.getGreen()) / 2,
                (left.getBlue() + right.getBlue()) / 2);
        return Color.RGBtoHSB(both.getRed(), both.getGreen(), both.getBlue(), null)[0];
    }

    private static Color mean(BufferedImage image, int x0, int y0, int w, int h) {
        long r = 0;
        long g = 0;
        long b = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                Color c = new Color(image.getRGB(x, y));
                r += c.getRed();
                g += c.getGreen();
                b += c.getBlue();
            }
        }
        long n = (long) w * h;
        return new Color((int) (r / n), (int) (g / n), (int) (b / n));
    }

    private static float brightness(Color c) {
        return Color.RGBtoHSB(c.getRed(), c.getGreen(), c.getBlue(), null)[2];
    }

    /** Mean absolute channel difference, 0-255. */
    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < 512; y++) {
            for (int x = 0; x < 512; x++) {
                Color p = new Color(a.getRGB(x, y));
                Color q = new Color(b.getRGB(x, y));
                sum += Math.abs(p.getRed() - q.getRed()) + Math.abs(p.getGreen() - q.getGreen())
                        + Math.abs(p.getBlue() - q.getBlue());
            }
        }
        return sum / (512.0 * 512 * 3);
    }

    private static int differingPixels(BufferedImage a, BufferedImage b, int x0, int y0, int w, int h) {
        int differing = 0;
        for (int y = y0; y < y0 + h; y++) {
            for (int x = x0; x < x0 + w; x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    differing++;
                }
            }
        }
        return differing;
    }
}
