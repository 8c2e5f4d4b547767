package org.formhaus.storage;

import java.time.LocalDateTime;

/**
 * A viewing slot a submission takes in the responsible agent's calendar: the onOffice user id of the agent and the
 * slot's start and end in onOffice's local time. Immutable.
 */
public record SlotClaim(long accountId, long agentId, LocalDateTime start, LocalDateTime end) {
}
