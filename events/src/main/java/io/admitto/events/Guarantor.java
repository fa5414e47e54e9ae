package io.admitto.events;

import java.time.LocalDate;

/** The person financially responsible for the account (GT1). {@code relationship} as in {@link Subscriber}. */
public record Guarantor(PersonName name, LocalDate birthDate, String relationship, Address address, String phone) {}
