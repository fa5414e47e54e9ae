package io.admitto.ingest.generator;

import io.admitto.events.Address;
import io.admitto.events.PersonName;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * The people who use the health system, derived on demand from a number: nothing is stored, so the
 * population can be large and a returning patient looks the same on every visit.
 *
 * <p>Each facility has its own slice of each {@link AgeBand}. Within a band, a patient's key is mapped
 * by an affine bijection onto (name, birth date) pairs, so no two patients of the whole run share a
 * name and a birth date: a duplicate-record rule (same name and DOB, different MRN) fires only on
 * injected {@link Defect#DUPLICATE_PATIENT}s. MRNs are another bijection of the patient number onto nine
 * digits, so they look unordered.
 */
final class PatientPopulation
{
    private static final long PERSON_STREAM = 0x5045_5253L;
    private static final long MRN_SPACE = 900_000_000L;
    /** Odd, not a multiple of 3 or 5: coprime with 900,000,000, hence a bijection modulo it. */
    private static final long MRN_MULTIPLIER = 282_475_249L;
    private static final long[] PRIMES = {1_000_003L, 1_000_033L, 1_000_037L, 1_000_039L, 1_000_081L};

    private final long seed;
    private final LocalDate referenceDate;
    private final PayerMix payerMix;
    private final long perFacility;
    private final Map<AgeBand, Band> bands = new EnumMap<>(AgeBand.class);
    private final long totalPopulation;
    private final long mrnOffset;

    /** One age band: its per-facility size, the birth dates it spans and the bijection parameters. */
    private record Band(long firstNumber, long perFacility, LocalDate oldestBirthDate, long birthDays, long space, long multiplier, long offset) {}

    PatientPopulation(long seed, LocalDate referenceDate, int facilities, int dailyEncounters, PayerMix payerMix)
    {
        this.seed = seed;
        this.referenceDate = requireNonNull(referenceDate, "referenceDate is null");
        this.payerMix = requireNonNull(payerMix, "payerMix is null");
        long names = (long) SyntheticNames.FAMILY.size() * SyntheticNames.givenCount();
        // About 80 days of visits per facility: enough that most patients are new, some come back.
        long wanted = Math.max(4_000L, dailyEncounters * 80L);
        long capacity = Long.MAX_VALUE;
        for (AgeBand band : AgeBand.values()) {
            long space = names * birthDays(band, referenceDate);
            capacity = Math.min(capacity, (long) (space / (facilities * band.populationShare())));
        }
        this.perFacility = Math.min(wanted, capacity);
        SplittableRandom random = Seeds.random(seed, PERSON_STREAM, -1);
        long first = 0;
        for (AgeBand band : AgeBand.values()) {
            long bandPerFacility = Math.max(1, (long) (perFacility * band.populationShare()));
            long days = birthDays(band, referenceDate);
            long space = names * days;
            long multiplier = coprimeMultiplier(space);
            bands.put(band, new Band(first, bandPerFacility, referenceDate.minusYears(band.maxAgeExclusive()).plusDays(1), days,
                    space, multiplier, random.nextLong(space)));
            first += bandPerFacility * facilities;
        }
        this.totalPopulation = first;
        this.mrnOffset = random.nextLong(MRN_SPACE);
        if (totalPopulation > MRN_SPACE / 2) {
            throw new IllegalArgumentException("population too large for nine-digit MRNs: " + totalPopulation);
        }
    }

    /** Number of patients of {@code band} at one facility. */
    long size(AgeBand band)
    {
        return bands.get(band).perFacility();
    }

    long totalPopulation()
    {
        return totalPopulation;
    }

    /** The {@code local}-th patient of {@code band} at the facility with index {@code facilityIndex}. */
    SyntheticPerson person(int facilityIndex, AgeBand band, long local)
    {
        Band b = bands.get(band);
        if (local < 0 || local >= b.perFacility()) {
            throw new IllegalArgumentException("patient " + local + " outside band " + band);
        }
        long key = facilityIndex * b.perFacility() + local;
        long number = b.firstNumber() + key;
        long position = Math.floorMod(b.multiplier() * key + b.offset(), b.space());
        int names = SyntheticNames.givenCount();
        int given = (int) (position % names);
        int family = (int) ((position / names) % SyntheticNames.FAMILY.size());
        long dayOffset = position / ((long) names * SyntheticNames.FAMILY.size());
        LocalDate birthDate = b.oldestBirthDate().plusDays(dayOffset);
        return build(number, band, SyntheticNames.FAMILY.get(family), given, birthDate);
    }

    /**
     * The nine-digit MRN of a patient number. Numbers at or past {@link #totalPopulation()} are free for
     * the new records of duplicate registrations.
     */
    String mrn(long number)
    {
        long value = Math.floorMod(MRN_MULTIPLIER * number + mrnOffset, MRN_SPACE) + 100_000_000L;
        return Long.toString(value);
    }

    private SyntheticPerson build(long number, AgeBand band, String family, int givenIndex, LocalDate birthDate)
    {
        SplittableRandom random = Seeds.random(seed, PERSON_STREAM, number);
        String sex = SyntheticNames.sexOfGiven(givenIndex);
        PersonName name = new PersonName(family, SyntheticNames.given(givenIndex),
                Draws.chance(random, 0.7) ? String.valueOf(SyntheticNames.MIDDLE_INITIALS.charAt(random.nextInt(SyntheticNames.MIDDLE_INITIALS.length()))) : null);
        String ssn = Draws.chance(random, 0.85) ? ssn(random) : null;
        Payer payer = payerMix.draw(band, random);

        String memberId = null;
        String medicareId = null;
        String medicaidId = null;
        String groupNumber = null;
        String relationship = "self";
        PersonName subscriberName = name;
        LocalDate subscriberBirthDate = birthDate;
        PersonName guardianName = null;
        LocalDate guardianBirthDate = null;
        boolean minor = birthDate.plusYears(18).isAfter(referenceDate);
        if (minor) {
            int parentGiven = random.nextInt(SyntheticNames.givenCount());
            guardianName = new PersonName(family, SyntheticNames.given(parentGiven), null);
            guardianBirthDate = birthDate.minusYears(Draws.between(random, 22, 42)).minusDays(random.nextInt(365));
        }
        switch (payer) {
            case MEDICARE -> memberId = MemberIdFormat.MBI.generate(random);
            case MEDICARE_ADVANTAGE -> {
                memberId = MemberIdFormat.MEDICARE_ADVANTAGE.generate(random);
                medicareId = MemberIdFormat.MBI.generate(random);
            }
            case MEDICAID -> memberId = MemberIdFormat.MEDICAID.generate(random);
            case MANAGED_MEDICAID -> {
                memberId = MemberIdFormat.MANAGED_MEDICAID.generate(random);
                medicaidId = MemberIdFormat.MEDICAID.generate(random);
            }
            case COMMERCIAL_PPO, COMMERCIAL_HMO -> {
                String subscriberId = payer.memberIdFormat().generate(random);
                groupNumber = "G" + (100000 + random.nextInt(900000));
                if (minor) {
                    relationship = "child";
                    subscriberName = guardianName;
                    subscriberBirthDate = guardianBirthDate;
                    memberId = payer.memberIdFormat().forDependent(subscriberId, 3 + random.nextInt(3));
                }
                else if (band != AgeBand.SENIOR && Draws.chance(random, 0.25)) {
                    relationship = "spouse";
                    int spouseGiven = sex.equals("F")
                            ? SyntheticNames.FEMALE.size() + random.nextInt(SyntheticNames.MALE.size())
                            : random.nextInt(SyntheticNames.FEMALE.size());
                    subscriberName = new PersonName(family, SyntheticNames.given(spouseGiven), null);
                    LocalDate spouseBirth = birthDate.plusDays(Draws.between(random, -6 * 365, 6 * 365));
                    LocalDate latestAdult = referenceDate.minusYears(19);
                    subscriberBirthDate = spouseBirth.isAfter(latestAdult) ? latestAdult : spouseBirth;
                    memberId = payer.memberIdFormat().forDependent(subscriberId, 2);
                }
                else {
                    memberId = subscriberId;
                }
            }
            case SELF_PAY -> {
                subscriberName = null;
                subscriberBirthDate = null;
                relationship = null;
            }
        }
        LocalDate coverageStart = null;
        if (payer.insured()) {
            LocalDate sixtyFifth = birthDate.plusYears(65).withDayOfMonth(1);
            coverageStart = payer.isMedicare() && !sixtyFifth.isAfter(referenceDate.minusMonths(1))
                    ? sixtyFifth
                    : referenceDate.minusMonths(2 + random.nextInt(58)).withDayOfMonth(1);
            if (coverageStart.isBefore(birthDate)) {
                coverageStart = birthDate;
            }
        }
        return new SyntheticPerson(number, name, birthDate, sex, ssn, null, null, payer, memberId, medicareId, medicaidId,
                groupNumber, coverageStart, subscriberName, subscriberBirthDate, relationship, guardianName, guardianBirthDate,
                random.nextDouble() * 1.6);
    }

    /** Home address and phone in one of the facility's towns; phone numbers are in the fictional 555-01xx range. */
    SyntheticPerson withResidence(SyntheticPerson person, List<Facility.Locality> localities)
    {
        SplittableRandom random = Seeds.random(seed, PERSON_STREAM ^ 0xADD, person.number());
        Facility.Locality locality = Draws.pick(random, localities);
        Address address = new Address(
                (100 + random.nextInt(9800)) + " " + Draws.pick(random, SyntheticNames.STREETS) + " " + Draws.pick(random, SyntheticNames.STREET_TYPES),
                Draws.chance(random, 0.12) ? "Apt " + (1 + random.nextInt(30)) + (char) ('A' + random.nextInt(6)) : null,
                locality.city(), locality.state(), locality.postalCode(), "US");
        String phone = locality.areaCode() + "-555-01" + (random.nextInt(90) + 10);
        return new SyntheticPerson(person.number(), person.name(), person.birthDate(), person.sex(), person.ssn(), address, phone,
                person.payer(), person.memberId(), person.medicareId(), person.medicaidId(), person.groupNumber(), person.coverageStart(),
                person.subscriberName(), person.subscriberBirthDate(), person.relationship(), person.guardianName(), person.guardianBirthDate(),
                person.annualDeductibleSpent());
    }

    /** Area 001-899 except 666, group 01-99, serial 0001-9999: the format the SSA issues. */
    private static String ssn(SplittableRandom random)
    {
        int area = 1 + random.nextInt(899);
        if (area == 666) {
            area = 667;
        }
        int group = 1 + random.nextInt(99);
        int serial = 1 + random.nextInt(9999);
        char[] text = new char[11];
        put(text, 0, area, 3);
        text[3] = '-';
        put(text, 4, group, 2);
        text[6] = '-';
        put(text, 7, serial, 4);
        return new String(text);
    }

    private static void put(char[] text, int at, int value, int width)
    {
        for (int i = width - 1; i >= 0; i--) {
            text[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private static long birthDays(AgeBand band, LocalDate referenceDate)
    {
        LocalDate oldest = referenceDate.minusYears(band.maxAgeExclusive()).plusDays(1);
        // Everyone is born well before the run starts, so no booking precedes a birth.
        LocalDate youngest = referenceDate.minusYears(band.minAge()).minusDays(60);
        return ChronoUnit.DAYS.between(oldest, youngest) + 1;
    }

    private static long coprimeMultiplier(long space)
    {
        for (long prime : PRIMES) {
            if (space % prime != 0) {
                return prime;
            }
        }
        throw new IllegalStateException("no coprime multiplier for " + space);
    }
}
