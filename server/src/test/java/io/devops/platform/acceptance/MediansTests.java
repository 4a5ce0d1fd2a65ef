package io.devops.platform.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTests {

    @Test
    void anOddCountGivesTheMiddleFigure() {
        assertThat(Medians.of(List.of(481.0, 470.0, 490.0))).isEqualTo(481.0);
    }

    @Test
    void anEvenCountGivesTheMeanOfTheTwoMiddleFigures() {
        assertThat(Medians.of(List.of(476.0, 478.0, 479.0, 480.0, 482.0, 481.0, 484.0, 480.0))).isEqualTo(480.0);
        assertThat(Medians.of(List.of(1.0, 2.0))).isEqualTo(1.5);
    }

    @Test
    void theSameFiguresInAnyOrderAndWithTiesGiveTheSameMedian() {
        assertThat(Medians.of(List.of(5.0, 5.0, 1.0, 9.0))).isEqualTo(Medians.of(List.of(9.0, 1.0, 5.0, 5.0))).isEqualTo(5.0);
    }

    @Test
    void noFiguresAreNoBaseline() {
        assertThatThrownBy(() -> Medians.of(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
