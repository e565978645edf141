package com.personacomposer.image.provider.local;

import com.personacomposer.events.MottoTone;
import com.personacomposer.image.provider.ImagePrompt;
import com.personacomposer.image.provider.local.Look.Accessory;
import com.personacomposer.kit.image.ImageWork;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.MultipleGradientPaint.CycleMethod;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Area;
import java.awt.geom.Ellipse2D;
import java.awt.geom.GeneralPath;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.Random;

/**
 * Draws a stylised head-and-shoulders avatar offline: a backdrop from the description's colour or scene words, a
 * figure whose hair, skin and eyes come from a hash of the request, an expression from the tone and accessories
 * named in the description. Shapes only, no fonts, so it looks the same on any JRE; same input, same bytes.
 */
public final class LocalRenderer {

    public static final int SIZE = 512;

    private static final float CX = SIZE / 2f;
    private static final Color INK = new Color(0x1E1B24);

    /**
     * How much of each pixel the vignette keeps, in 256ths: all of it within 230 px of the centre (60 % of a 384 px
     * radius), less further out, as black at alpha 70 at that radius would leave.
     */
    private static final short[] VIGNETTE = vignetteMask();

    /** A 512x512 PNG, drawn on service-kit's image threads (Java2D stalls virtual threads). */
    public byte[] render(ImagePrompt prompt) {
        return ImageWork.call(() -> PngEncoder.encode(draw(Look.of(prompt))));
    }

    BufferedImage draw(Look look) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_COLOR_RENDERING, RenderingHints.VALUE_COLOR_RENDER_QUALITY);
            Random random = new Random(look.seed());
            verticalGradient(image, look.top(), look.bottom());
            background(g, look, random);
            figure(g, look);
        } finally {
            g.dispose();
        }
        vignette(image);
        return image;
    }

    // --- backdrop -------------------------------------------------------------------------------------------------

    private static void background(Graphics2D g, Look look, Random random) {
        backdropPattern(g, look, random);
        motif(g, look, random);
        // A soft halo behind the head lifts the figure off the backdrop.
        g.setPaint(new RadialGradientPaint(CX, 230, 230, new float[] {0f, 1f},
                new Color[] {new Color(255, 255, 255, 70), new Color(255, 255, 255, 0)}, CycleMethod.NO_CYCLE));
        g.fill(new Ellipse2D.Float(CX - 230, 0, 460, 460));
    }

    private static void backdropPattern(Graphics2D g, Look look, Random random) {
        Color faint = new Color(255, 255, 255, 22);
        g.setColor(faint);
        switch (look.backdrop()) {
            case DOTS -> {
                for (int y = 16; y < SIZE; y += 32) {
                    for (int x = (y / 32) % 2 == 0 ? 16 : 32; x < SIZE; x += 32) {
                        g.fill(new Ellipse2D.Float(x - 3, y - 3, 6, 6));
                    }
                }
            }
            case STRIPES -> {
                g.setStroke(new BasicStroke(10));
                for (int x = -SIZE; x < SIZE; x += 36) {
                    g.draw(new Line2D.Float(x, SIZE, x + SIZE, 0));
                }
            }
            case RINGS -> {
                g.setStroke(new BasicStroke(3));
                for (int r = 160; r < 380; r += 28) {
                    g.draw(new Ellipse2D.Float(CX - r, 230 - r, 2 * r, 2 * r));
                }
            }
            case CONFETTI -> {
                g.setColor(new Color(255, 255, 255, 34));
                for (int i = 0; i < 46; i++) {
                    float x = random.nextFloat() * SIZE;
                    float y = random.nextFloat() * SIZE;
                    float s = 4 + random.nextFloat() * 8;
                    g.fill(random.nextBoolean() ? new Ellipse2D.Float(x, y, s, s) : diamond(x, y, s));
                }
            }
        }
    }

    private static void motif(Graphics2D g, Look look, Random random) {
        switch (look.motif()) {
            case STARS -> {
                for (int i = 0; i < 90; i++) {
                    float x = random.nextFloat() * SIZE;
                    float y = random.nextFloat() * SIZE * 0.75f;
                    float s = 1 + random.nextFloat() * 2.5f;
                    g.setColor(new Color(255, 255, 240, 90 + random.nextInt(150)));
                    g.fill(new Ellipse2D.Float(x, y, s, s));
                }
                Area moon = new Area(new Ellipse2D.Float(400, 40, 64, 64));
                moon.subtract(new Area(new Ellipse2D.Float(420, 30, 64, 64)));
                g.setColor(new Color(0xF5EFC8));
                g.fill(moon);
            }
            case WAVES -> {
                g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                for (int row = 0; row < 5; row++) {
                    float y = 330 + row * 40;
                    Path2D wave = new Path2D.Float();
                    wave.moveTo(-20, y);
                    for (int x = -20; x < SIZE + 40; x += 60) {
                        wave.quadTo(x + 15, y - 14, x + 30, y);
                        wave.quadTo(x + 45, y + 14, x + 60, y);
                    }
                    g.setColor(new Color(255, 255, 255, 40 + row * 8));
                    g.draw(wave);
                }
            }
            case PINES -> {
                Color shade = new Color(0, 0, 0, 70);
                for (int i = 0; i < 9; i++) {
                    float x = i * 64 - 20 + random.nextFloat() * 30;
                    float h = 120 + random.nextFloat() * 120;
                    g.setColor(shade);
                    g.fill(triangle(x, SIZE - h, x - 38, SIZE, x + 38, SIZE));
                }
            }
            case SUN -> {
                g.setPaint(new RadialGradientPaint(96, 96, 110, new float[] {0f, 0.45f, 1f},
                        new Color[] {new Color(255, 250, 220, 255), new Color(255, 236, 160, 200),
                            new Color(255, 220, 120, 0)}, CycleMethod.NO_CYCLE));
                g.fill(new Ellipse2D.Float(-14, -14, 220, 220));
                g.setColor(new Color(120, 50, 10, 50));
                Path2D dunes = new Path2D.Float();
                dunes.moveTo(0, 430);
                dunes.quadTo(130, 380, 260, 430);
                dunes.quadTo(390, 470, SIZE, 410);
                dunes.lineTo(SIZE, SIZE);
                dunes.lineTo(0, SIZE);
                dunes.closePath();
                g.fill(dunes);
            }
            case EMBERS -> {
                g.setPaint(new RadialGradientPaint(CX, SIZE + 40, 330, new float[] {0f, 1f},
                        new Color[] {new Color(255, 200, 60, 160), new Color(255, 120, 20, 0)}, CycleMethod.NO_CYCLE));
                fillCanvas(g);
                for (int i = 0; i < 60; i++) {
                    float x = random.nextFloat() * SIZE;
                    float y = random.nextFloat() * SIZE;
                    float s = 2 + random.nextFloat() * 4;
                    g.setColor(new Color(255, 180 + random.nextInt(60), 60, 90 + random.nextInt(120)));
                    g.fill(new Ellipse2D.Float(x, y, s, s));
                }
            }
            case SNOWFLAKES -> {
                for (int i = 0; i < 80; i++) {
                    float x = random.nextFloat() * SIZE;
                    float y = random.nextFloat() * SIZE;
                    float s = 2 + random.nextFloat() * 5;
                    g.setColor(new Color(255, 255, 255, 120 + random.nextInt(120)));
                    g.fill(new Ellipse2D.Float(x, y, s, s));
                }
            }
            case NONE -> {
            }
        }
    }

    /**
     * Fills the whole canvas with the current paint. The rectangle is pixel-aligned, so antialiasing would change no
     * pixel but would send the gradient through Java2D's per-tile alpha pipe (half the drawing time).
     */
    private static void fillCanvas(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.fillRect(0, 0, SIZE, SIZE);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    }

    /**
     * The backdrop's gradient from {@code top} to {@code bottom}, written a row at a time: every row is one colour,
     * which Java2D's gradient paint would work out pixel by pixel.
     */
    private static void verticalGradient(BufferedImage image, Color top, Color bottom) {
        int[] pixels = pixels(image);
        for (int y = 0; y < SIZE; y++) {
            Color row = mix(top, bottom, (y + 0.5f) / SIZE);
            Arrays.fill(pixels, y * SIZE, (y + 1) * SIZE, row.getRGB());
        }
    }

    private static short[] vignetteMask() {
        short[] keep = new short[SIZE * SIZE];
        float radius = SIZE * 0.75f;
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                double distance = Math.hypot(x + 0.5 - CX, y + 0.5 - CX) / radius;
                double shade = Math.clamp((distance - 0.6) / 0.4, 0, 1) * 70 / 255;
                keep[y * SIZE + x] = (short) Math.round(256 * (1 - shade));
            }
        }
        return keep;
    }

    /** Darkens the corners, as a radial gradient from transparent to black at alpha 70 drawn over them would. */
    private static void vignette(BufferedImage image) {
        int[] pixels = pixels(image);
        for (int i = 0; i < pixels.length; i++) {
            int keep = VIGNETTE[i];
            if (keep < 256) {
                int p = pixels[i];
                pixels[i] = (((p >> 16) & 0xFF) * keep >> 8) << 16 | (((p >> 8) & 0xFF) * keep >> 8) << 8
                        | (p & 0xFF) * keep >> 8;
            }
        }
    }

    private static int[] pixels(BufferedImage image) {
        return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    }

    // --- figure ---------------------------------------------------------------------------------------------------

    private static final Ellipse2D FACE = new Ellipse2D.Float(CX - 88, 128, 176, 214);

    private static void figure(Graphics2D g, Look look) {
        Color skin = look.skin();
        Color skinShade = mix(skin, INK, 0.18f);
        if (look.hairStyle() == Look.HairStyle.LONG) {
            g.setColor(mix(look.hair(), INK, 0.15f));
            g.fill(new RoundRectangle2D.Float(CX - 104, 118, 208, 300, 150, 150));
        }
        torso(g, look, skin, skinShade);
        // Ears sit behind the face.
        g.setColor(skinShade);
        g.fill(new Ellipse2D.Float(CX - 102, 214, 30, 48));
        g.fill(new Ellipse2D.Float(CX + 72, 214, 30, 48));
        g.setPaint(new GradientPaint(0, 128, lighten(skin, 0.08f), 0, 342, skin));
        g.fill(FACE);
        g.setColor(skinShade);
        g.setStroke(new BasicStroke(2f));
        g.draw(FACE);
        if (look.accessories().contains(Accessory.BEARD)) {
            beard(g, look.hair());
        }
        hair(g, look);
        face(g, look, skin, skinShade);
        accessories(g, look);
    }

    private static void torso(Graphics2D g, Look look, Color skin, Color skinShade) {
        Color cloth = look.clothing();
        g.setPaint(new GradientPaint(0, 370, lighten(cloth, 0.12f), 0, SIZE, mix(cloth, INK, 0.25f)));
        g.fill(new RoundRectangle2D.Float(CX - 172, 378, 344, 260, 210, 170));
        g.setColor(skinShade);
        g.fill(new RoundRectangle2D.Float(CX - 32, 300, 64, 100, 24, 24));
        // A V-neck collar.
        g.setColor(skinShade);
        g.fill(triangle(CX - 40, 380, CX + 40, 380, CX, 430));
        g.setColor(mix(cloth, INK, 0.35f));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        Path2D collar = new Path2D.Float();
        collar.moveTo(CX - 46, 378);
        collar.lineTo(CX, 434);
        collar.lineTo(CX + 46, 378);
        g.draw(collar);
    }

    private static void hair(Graphics2D g, Look look) {
        Color hair = look.hair();
        Area cap = new Area(new Ellipse2D.Float(CX - 96, 106, 192, 176));
        cap.subtract(new Area(new Ellipse2D.Float(CX - 80, 168, 160, 230)));
        switch (look.hairStyle()) {
            case SHORT, LONG -> {
                // A side parting: the fringe sweeps lower on one side.
                cap.add(new Area(new Ellipse2D.Float(CX - 92, 128, 110, 70)));
                g.setColor(hair);
                g.fill(cap);
            }
            case BUN -> {
                g.setColor(hair);
                g.fill(cap);
                g.fill(new Ellipse2D.Float(CX - 36, 70, 72, 64));
            }
            case CURLY -> {
                g.setColor(hair);
                g.fill(cap);
                for (int i = 0; i <= 12; i++) {
                    double angle = Math.PI * (1.05 + 0.9 * i / 12.0);
                    float x = (float) (CX + 100 * Math.cos(angle));
                    float y = (float) (214 + 104 * Math.sin(angle));
                    g.fill(new Ellipse2D.Float(x - 26, y - 26, 52, 52));
                }
            }
            case SPIKY -> {
                g.setColor(hair);
                g.fill(cap);
                GeneralPath spikes = new GeneralPath();
                for (int i = 0; i < 7; i++) {
                    double angle = Math.PI * (1.12 + 0.76 * i / 6.0);
                    float bx = (float) (CX + 82 * Math.cos(angle));
                    float by = (float) (206 + 92 * Math.sin(angle));
                    float tx = (float) (CX + 138 * Math.cos(angle));
                    float ty = (float) (206 + 140 * Math.sin(angle));
                    spikes.append(triangle(bx - 22, by + 6, bx + 22, by + 6, tx, ty), false);
                }
                g.fill(spikes);
            }
            case BUZZ -> {
                g.setColor(new Color(hair.getRed(), hair.getGreen(), hair.getBlue(), 110));
                Area buzz = new Area(FACE);
                buzz.intersect(new Area(new Rectangle2D.Float(0, 0, SIZE, 178)));
                g.fill(buzz);
            }
        }
    }

    private static void beard(Graphics2D g, Color hair) {
        // Along the jaw from ear to ear, leaving the cheeks and the mouth free.
        Area beard = new Area(new Ellipse2D.Float(CX - 90, 126, 180, 222));
        beard.intersect(new Area(new Rectangle2D.Float(0, 236, SIZE, SIZE)));
        beard.subtract(new Area(new Ellipse2D.Float(CX - 70, 176, 140, 118)));
        beard.subtract(new Area(new Ellipse2D.Float(CX - 28, 296, 56, 26)));
        g.setColor(hair);
        g.fill(beard);
        g.fill(new Ellipse2D.Float(CX - 34, 284, 68, 16));
    }

    private static void face(Graphics2D g, Look look, Color skin, Color skinShade) {
        MottoTone tone = look.tone();
        boolean comical = tone == MottoTone.COMICAL;
        float eyeW = comical ? 36 : 30;
        float eyeH = comical ? 28 : 20;
        float eyeY = 232;
        for (int side = -1; side <= 1; side += 2) {
            float ex = CX + side * 38;
            Ellipse2D white = new Ellipse2D.Float(ex - eyeW / 2, eyeY - eyeH / 2, eyeW, eyeH);
            g.setColor(Color.WHITE);
            g.fill(white);
            float irisR = comical ? 10 : 8;
            float lookDown = tone == MottoTone.SOMBRE ? 3 : 0;
            float lookSide = tone == MottoTone.SARCASTIC ? 4 : 0;
            g.setColor(look.iris());
            g.fill(new Ellipse2D.Float(ex - irisR + lookSide, eyeY - irisR + lookDown, 2 * irisR, 2 * irisR));
            g.setColor(INK);
            g.fill(new Ellipse2D.Float(ex - 4 + lookSide, eyeY - 4 + lookDown, 8, 8));
            g.setColor(Color.WHITE);
            g.fill(new Ellipse2D.Float(ex + 2 + lookSide, eyeY - 5 + lookDown, 3.5f, 3.5f));
            // Heavy lids: half-closed (sarcastic) or drooping (sombre).
            float lid = switch (tone) {
                case SARCASTIC -> 0.5f;
                case SOMBRE -> 0.4f;
                default -> 0f;
            };
            if (lid > 0) {
                Shape clip = g.getClip();
                g.clip(white);
                g.setColor(skin);
                g.fill(new Rectangle2D.Float(ex - eyeW, eyeY - eyeH / 2 - 1, 2 * eyeW, eyeH * lid + 1));
                g.setClip(clip);
                g.setColor(skinShade);
                g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(new Line2D.Float(ex - eyeW / 2 + 1, eyeY - eyeH / 2 + eyeH * lid,
                        ex + eyeW / 2 - 1, eyeY - eyeH / 2 + eyeH * lid));
            }
            brow(g, look, side, ex);
        }
        // Nose.
        g.setColor(skinShade);
        g.setStroke(new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new QuadCurve2D.Float(CX - 8, 272, CX, 280, CX + 8, 272));
        if (comical) {
            g.setColor(new Color(240, 110, 110, 90));
            g.fill(new Ellipse2D.Float(CX - 78, 262, 34, 22));
            g.fill(new Ellipse2D.Float(CX + 44, 262, 34, 22));
        }
        if (look.accessories().contains(Accessory.MOUSTACHE)) {
            g.setColor(look.hair());
            g.fill(new Ellipse2D.Float(CX - 30, 284, 32, 14));
            g.fill(new Ellipse2D.Float(CX - 2, 284, 32, 14));
        }
        mouth(g, tone);
    }

    private static void brow(Graphics2D g, Look look, int side, float ex) {
        g.setColor(mix(look.hair(), INK, 0.35f));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        float inner = ex - side * 16;
        float outer = ex + side * 16;
        switch (look.tone()) {
            case SARCASTIC -> {
                if (side < 0) {
                    g.draw(new QuadCurve2D.Float(outer, 206, ex, 188, inner, 200));
                } else {
                    g.draw(new Line2D.Float(inner, 214, outer, 212));
                }
            }
            case COMICAL -> g.draw(new QuadCurve2D.Float(outer, 204, ex, 184, inner, 202));
            case SOMBRE -> g.draw(new Line2D.Float(inner, 200, outer, 214));
            case NEUTRAL -> g.draw(new QuadCurve2D.Float(outer, 210, ex, 202, inner, 208));
        }
    }

    private static void mouth(Graphics2D g, MottoTone tone) {
        Color lips = new Color(0x8C2F39);
        g.setColor(lips);
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        switch (tone) {
            case NEUTRAL -> g.draw(new QuadCurve2D.Float(CX - 24, 306, CX, 316, CX + 24, 306));
            case SARCASTIC -> g.draw(new QuadCurve2D.Float(CX - 26, 312, CX + 8, 314, CX + 28, 298));
            case SOMBRE -> g.draw(new QuadCurve2D.Float(CX - 24, 316, CX, 302, CX + 24, 316));
            case COMICAL -> {
                Path2D grin = new Path2D.Float();
                grin.moveTo(CX - 40, 298);
                grin.quadTo(CX, 304, CX + 40, 298);
                grin.quadTo(CX + 34, 348, CX, 348);
                grin.quadTo(CX - 34, 348, CX - 40, 298);
                grin.closePath();
                g.setColor(new Color(0x5E1620));
                g.fill(grin);
                Shape clip = g.getClip();
                g.clip(grin);
                g.setColor(Color.WHITE);
                g.fill(new Rectangle2D.Float(CX - 40, 296, 80, 14));
                g.setColor(new Color(0xE56B6F));
                g.fill(new Ellipse2D.Float(CX - 22, 326, 44, 30));
                g.setClip(clip);
            }
        }
    }

    private static void accessories(Graphics2D g, Look look) {
        for (Accessory accessory : look.accessories()) {
            switch (accessory) {
                case GLASSES, SUNGLASSES -> glasses(g, accessory == Accessory.SUNGLASSES);
                case HAT -> {
                    Color felt = mix(look.clothing(), INK, 0.45f);
                    g.setColor(felt);
                    g.fill(new RoundRectangle2D.Float(CX - 74, 70, 148, 84, 40, 40));
                    g.fill(new Ellipse2D.Float(CX - 124, 136, 248, 34));
                    g.setColor(lighten(look.clothing(), 0.1f));
                    g.fill(new Rectangle2D.Float(CX - 74, 128, 148, 14));
                }
                case WIZARD_HAT -> {
                    Color cloth = new Color(0x3C2A7A);
                    g.setColor(cloth);
                    g.fill(triangle(CX - 92, 150, CX + 92, 150, CX + 30, 8));
                    g.fill(new Ellipse2D.Float(CX - 124, 134, 248, 34));
                    g.setColor(new Color(0xF6D55C));
                    g.fill(star(CX + 4, 96, 16));
                    g.fill(star(CX - 36, 130, 9));
                }
                case CROWN -> {
                    GeneralPath crown = new GeneralPath();
                    crown.moveTo(CX - 70, 150);
                    crown.lineTo(CX - 80, 86);
                    crown.lineTo(CX - 40, 118);
                    crown.lineTo(CX, 72);
                    crown.lineTo(CX + 40, 118);
                    crown.lineTo(CX + 80, 86);
                    crown.lineTo(CX + 70, 150);
                    crown.closePath();
                    g.setColor(new Color(0xE8B923));
                    g.fill(crown);
                    g.setColor(new Color(0x9C6B00));
                    g.setStroke(new BasicStroke(3));
                    g.draw(crown);
                    g.setColor(new Color(0xC0392B));
                    g.fill(new Ellipse2D.Float(CX - 9, 118, 18, 18));
                }
                case BEARD, MOUSTACHE -> {
                    // Drawn with the face, under the mouth.
                }
            }
        }
    }

    private static void glasses(Graphics2D g, boolean dark) {
        RoundRectangle2D left = new RoundRectangle2D.Float(CX - 70, 212, 58, 42, 18, 18);
        RoundRectangle2D right = new RoundRectangle2D.Float(CX + 12, 212, 58, 42, 18, 18);
        g.setColor(dark ? new Color(20, 20, 28, 235) : new Color(255, 255, 255, 50));
        g.fill(left);
        g.fill(right);
        g.setColor(INK);
        g.setStroke(new BasicStroke(5, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(left);
        g.draw(right);
        g.draw(new QuadCurve2D.Float(CX - 12, 228, CX, 220, CX + 12, 228));
        g.draw(new Line2D.Float(CX - 70, 226, CX - 86, 222));
        g.draw(new Line2D.Float(CX + 70, 226, CX + 86, 222));
        if (dark) {
            g.setColor(new Color(255, 255, 255, 80));
            g.setStroke(new BasicStroke(3, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Line2D.Float(CX - 58, 222, CX - 46, 218));
            g.draw(new Line2D.Float(CX + 24, 222, CX + 36, 218));
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private static Shape triangle(float x1, float y1, float x2, float y2, float x3, float y3) {
        Path2D p = new Path2D.Float();
        p.moveTo(x1, y1);
        p.lineTo(x2, y2);
        p.lineTo(x3, y3);
        p.closePath();
        return p;
    }

    private static Shape diamond(float x, float y, float s) {
        Path2D p = new Path2D.Float();
        p.moveTo(x, y - s / 2);
        p.lineTo(x + s / 2, y);
        p.lineTo(x, y + s / 2);
        p.lineTo(x - s / 2, y);
        p.closePath();
        return p;
    }

    private static Shape star(float cx, float cy, float r) {
        Path2D p = new Path2D.Float();
        for (int i = 0; i < 10; i++) {
            double angle = -Math.PI / 2 + i * Math.PI / 5;
            double radius = i % 2 == 0 ? r : r * 0.45;
            float x = (float) (cx + radius * Math.cos(angle));
            float y = (float) (cy + radius * Math.sin(angle));
            if (i == 0) {
                p.moveTo(x, y);
            } else {
                p.lineTo(x, y);
            }
        }
        p.closePath();
        return p;
    }

    static Color mix(Color a, Color b, float t) {
        return new Color(
                Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    private static Color lighten(Color c, float t) {
        return mix(c, Color.WHITE, t);
    }
}
