package org.creditledger.readmodel;

import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.Segment;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Whether this JVM can speak for a whole processor: only when the segments it holds cover every event. */
class ProjectionCatchUpTest {

    @Test
    void allSegmentsOfASplitProcessorCoverTheWhole() {
        assertThat(ProjectionCatchUp.holdsAllSegments(statuses(Segment.computeSegments(0, 1, 2, 3)))).isTrue();
        assertThat(ProjectionCatchUp.holdsAllSegments(statuses(Segment.computeSegments(0)))).isTrue();
        // uneven split: segment 0 holds half, 1 and 3 a quarter each
        assertThat(ProjectionCatchUp.holdsAllSegments(statuses(Segment.computeSegments(0, 1, 3)))).isTrue();
    }

    @Test
    void someOrNoSegmentsDoNot() {
        Segment[] four = Segment.computeSegments(0, 1, 2, 3);
        assertThat(ProjectionCatchUp.holdsAllSegments(statuses(Arrays.copyOf(four, 3)))).isFalse();
        assertThat(ProjectionCatchUp.holdsAllSegments(List.of())).isFalse();
    }

    private static List<EventTrackerStatus> statuses(Segment... segments) {
        return Arrays.stream(segments).map(segment -> {
            EventTrackerStatus status = mock(EventTrackerStatus.class);
            when(status.getSegment()).thenReturn(segment);
            return status;
        }).toList();
    }
}
