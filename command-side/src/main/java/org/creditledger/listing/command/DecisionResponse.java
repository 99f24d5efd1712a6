package org.creditledger.listing.command;

import java.time.LocalDate;
import java.util.UUID;

/** The answer to a decision on an objection or a repair application: the entry, and the day it was decided. */
record DecisionResponse(UUID entryId, LocalDate decidedOn) {
}
