package org.creditledger.audit.timeline;

import java.util.List;

/** One page of a subject's timeline, in global order; {@code totalItems} counts every event matching the filters. */
public record TimelinePage(String subjectCode, int page, int size, long totalItems, List<TimelineItem> items) {
}
