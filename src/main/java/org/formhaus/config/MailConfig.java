package org.formhaus.config;

/**
 * Form e-mails: each recipient address gets at most {@code mail.confirmations.per.address.per.day} confirmation
 * e-mails a day (0: no limit), counted over every instance on the database. Immutable.
 */
public record MailConfig(int confirmationsPerAddressPerDay) {

    static MailConfig read(Keys keys) {
        return new MailConfig(keys.number("mail.confirmations.per.address.per.day", 0, 1_000_000));
    }
}
