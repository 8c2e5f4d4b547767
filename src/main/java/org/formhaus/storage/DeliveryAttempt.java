package org.formhaus.storage;

/** One try at delivering a submission: when, how it ended ({@code delivered}, {@code retry}, {@code failed}) and why. */
public record DeliveryAttempt(long startedMs, long finishedMs, String outcome, String message) {
}
