package com.personacomposer.webhook.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;

class RetryScheduleTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    @Test
    void nDelaysMakeNPlusOneAttemptsEachAfterItsDelay() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), 0,
                new Random(1));

        assertThat(schedule.maxAttempts()).isEqualTo(3);
        assertThat(schedule.next(1, NOW)).contains(NOW.plusSeconds(1));
        assertThat(schedule.next(2, NOW)).contains(NOW.plusSeconds(2));
        assertThat(schedule.next(3, NOW)).as("the last attempt failed: no more").isEmpty();
    }

    @Test
    void jitterMovesEachPauseByUpToItsShareEitherWay() {
        RetrySchedule schedule = new RetrySchedule(List.of(Duration.ofMinutes(10)), 0.1, new Random(7));

        List<Long> pauses = new java.util.ArrayList<>();
        for (int i = 0; i < 500; i++) {
            pauses.add(Duration.between(NOW, schedule.next(1, NOW).orElseThrow()).toSeconds());
        }

        assertThat(pauses).allSatisfy(seconds -> assertThat(seconds).isBetween(540L, 660L));
        assertThat(pauses.stream().collect(Collectors.toSet())).as("spread, not one value").hasSizeGreaterThan(50);
        assertThat(pauses).anyMatch(seconds -> seconds < 570).anyMatch(seconds -> seconds > 630);
    }

    @Test
    void theDefaultScheduleBacksOffExponentiallyForAboutADay() throws Exception {
        String configured = defaultDelays();
        List<Duration> delays = java.util.Arrays.stream(configured.split(","))
                .map(value -> ApplicationConversionService.getSharedInstance().convert(value.strip(), Duration.class))
                .toList();
        RetrySchedule schedule = new RetrySchedule(delays, 0, new Random());

        assertThat(schedule.span()).isBetween(Duration.ofHours(20), Duration.ofHours(24));
        for (int i = 1; i < delays.size() - 1; i++) {
            assertThat(delays.get(i)).as("each pause at least as long as the one before")
                    .isGreaterThanOrEqualTo(delays.get(i - 1));
        }
        assertThat(delays.get(delays.size() - 1).dividedBy(delays.get(0))).isGreaterThan(1000);
    }

    /** The default of PERSONA_WEBHOOK_RETRY_DELAYS in application.yml. */
    private static String defaultDelays() throws java.io.IOException {
        try (var in = RetryScheduleTest.class.getResourceAsStream("/application.yml")) {
            String yaml = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            java.util.regex.Matcher match = java.util.regex.Pattern
                    .compile("\\$\\{PERSONA_WEBHOOK_RETRY_DELAYS:([^}]*)}").matcher(yaml);
            assertThat(match.find()).isTrue();
            return match.group(1);
        }
    }
}
