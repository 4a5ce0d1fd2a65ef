package io.devops.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.devops.platform.shared.InvalidInputException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The start times of schedules on daylight-saving change days (Europe/Berlin: 2026-03-29 02:00
 * CET → 03:00 CEST, 2026-10-25 03:00 CEST → 02:00 CET; America/New_York: 2026-03-08 and 2026-11-01).
 */
class RecurrenceTests {

    private static Recurrence cron(String expression, String zone) {
        return ScheduleSettings.parse(expression, zone, null, true, null, null, null).recurrence();
    }

    private static List<Instant> startsBetween(Recurrence recurrence, String from, String to) {
        return recurrence.upcoming(Instant.parse(from), 10_000, Instant.parse(to));
    }

    @Test
    void anEveryMinuteScheduleRunsEachRealMinuteAcrossTheSpringForwardJump() {
        List<Instant> starts = startsBetween(cron("* * * * *", "Europe/Berlin"), "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z");

        assertThat(starts).hasSize(60).doesNotHaveDuplicates();
        assertThat(starts).contains(Instant.parse("2026-03-29T00:59:00Z"), Instant.parse("2026-03-29T01:00:00Z"));
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).as("after %s", starts.get(i - 1)).isEqualTo(Duration.ofMinutes(1));
        }
    }

    @Test
    void anEveryMinuteScheduleRunsEachRealMinuteOfTheRepeatedHourInAutumn() {
        // 00:00Z-02:00Z is 02:00-02:59 CEST and then 02:00-02:59 CET: 120 real minutes, each once.
        List<Instant> starts = startsBetween(cron("* * * * *", "Europe/Berlin"), "2026-10-24T23:59:30Z", "2026-10-25T01:59:59Z");

        assertThat(starts).hasSize(120).doesNotHaveDuplicates();
        assertThat(starts.get(0)).isEqualTo(Instant.parse("2026-10-25T00:00:00Z"));
        assertThat(starts.get(119)).isEqualTo(Instant.parse("2026-10-25T01:59:00Z"));
    }

    @Test
    void aDaily0230StartThatTheClockJumpsOverRunsOnceWhenTheJumpEnds() {
        List<Instant> starts = startsBetween(cron("30 2 * * *", "Europe/Berlin"), "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z");

        assertThat(starts).containsExactly(
                Instant.parse("2026-03-27T01:30:00Z"),  // 02:30 CET
                Instant.parse("2026-03-28T01:30:00Z"),  // 02:30 CET
                Instant.parse("2026-03-29T01:00:00Z"),  // 02:30 does not exist: 03:00 CEST, when the jump ends
                Instant.parse("2026-03-30T00:30:00Z")); // 02:30 CEST
    }

    @Test
    void aDaily0230StartThatOccursTwiceRunsOnlyAtItsFirstOccurrence() {
        List<Instant> starts = startsBetween(cron("30 2 * * *", "Europe/Berlin"), "2026-10-23T00:00:00Z", "2026-10-27T00:00:00Z");

        assertThat(starts).containsExactly(
                Instant.parse("2026-10-23T00:30:00Z"),
                Instant.parse("2026-10-24T00:30:00Z"),
                Instant.parse("2026-10-25T00:30:00Z"),  // 02:30 CEST; 02:30 CET an hour later does not run again
                Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void aDailyScheduleRunsExactlyOnceOnEachNewYorkChangeDay() {
        Recurrence daily = cron("30 2 * * *", "America/New_York");
        ZoneId newYork = ZoneId.of("America/New_York");
        for (LocalDate day : List.of(LocalDate.parse("2026-03-08"), LocalDate.parse("2026-11-01"))) {
            List<Instant> starts = startsBetween(daily, day.atStartOfDay(newYork).toInstant().toString(),
                    day.plusDays(1).atStartOfDay(newYork).toInstant().minusSeconds(1).toString());
            assertThat(starts).as("on %s", day).hasSize(1);
        }
    }

    @Test
    void aStartRightAfterTheFirstOccurrenceIsNotRepeatedFromInsideTheSecond() {
        // Asked from 02:10 CET (the repeated hour's second pass), 02:30 has already run as CEST.
        Recurrence daily = cron("30 2 * * *", "Europe/Berlin");

        assertThat(daily.next(Instant.parse("2026-10-25T01:10:00Z"))).contains(Instant.parse("2026-10-26T01:30:00Z"));
    }

    @Test
    void fiveFieldCronGetsItsSecondsAndSixFieldCronIsSpringsForm() {
        Instant from = Instant.parse("2026-06-01T00:00:00Z");

        assertThat(cron("0 3 * * *", "Asia/Shanghai").next(from)).contains(Instant.parse("2026-06-01T19:00:00Z"));
        assertThat(cron("15 0 3 * * *", "Asia/Shanghai").next(from)).contains(Instant.parse("2026-06-01T19:00:15Z"));
        assertThat(cron("@daily", "UTC").next(from)).contains(Instant.parse("2026-06-02T00:00:00Z"));
    }

    @Test
    void anIntervalKeepsItsPhaseAfterMissedStarts() {
        Recurrence every10Minutes = ScheduleSettings.parse(null, null, 600L, true, null, null, null).recurrence();

        assertThat(every10Minutes.nextAfter(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-01T00:35:00Z")))
                .contains(Instant.parse("2026-06-01T00:40:00Z"));
    }

    @Test
    void refusesBadCronUnknownZonesAndCronWithAnInterval() {
        assertThatThrownBy(() -> ScheduleSettings.parse("0 3 * *", "UTC", null, true, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("has 4 fields").hasMessageContaining("5 fields");
        assertThatThrownBy(() -> ScheduleSettings.parse("0 25 * * *", "UTC", null, true, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not a valid cron expression");
        assertThatThrownBy(() -> ScheduleSettings.parse("*/5 * * * * *", "UTC", null, true, null, null, null))
                .as("sub-minute schedules").isInstanceOf(InvalidInputException.class).hasMessageContaining("single number");
        assertThatThrownBy(() -> ScheduleSettings.parse("0 3 * * *", "Mars/Olympus", null, true, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unknown time zone 'Mars/Olympus'");
        assertThatThrownBy(() -> ScheduleSettings.parse("0 3 * * *", "UTC", 600L, true, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not both");
        assertThatThrownBy(() -> ScheduleSettings.parse(null, "UTC", 5L, true, null, null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("from 60");
        assertThatThrownBy(() -> ScheduleSettings.parse("0 3 * * *", "UTC", null, true, "SOMETIMES", null, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("SKIP, QUEUE_ONE");
    }
}
