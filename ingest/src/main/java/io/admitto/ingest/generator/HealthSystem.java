package io.admitto.ingest.generator;

import io.admitto.events.PersonName;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static java.util.Objects.requireNonNull;

/**
 * The synthetic health system: its facilities, each with a time zone, the towns its patients come
 * from, registrars on shifts and physicians. Facilities cycle through a list of templates spread over
 * US time zones (two of them without daylight saving time), so a run with several facilities mixes
 * UTC offsets.
 */
public final class HealthSystem
{
    public static final int MAX_FACILITIES = 99;

    private static final long STAFF_STREAM = 0x5747_4146L;

    private record Template(String name, String zone, List<Facility.Locality> localities) {}

    private static final List<Template> TEMPLATES = List.of(
            new Template("Lakeshore General Hospital", "America/Chicago", List.of(
                    new Facility.Locality("Chicago", "IL", "60614", "312"),
                    new Facility.Locality("Chicago", "IL", "60629", "773"),
                    new Facility.Locality("Evanston", "IL", "60201", "847"),
                    new Facility.Locality("Oak Park", "IL", "60302", "708"),
                    new Facility.Locality("Cicero", "IL", "60804", "708"))),
            new Template("Hudson Valley Medical Center", "America/New_York", List.of(
                    new Facility.Locality("Yonkers", "NY", "10701", "914"),
                    new Facility.Locality("White Plains", "NY", "10601", "914"),
                    new Facility.Locality("New Rochelle", "NY", "10801", "914"),
                    new Facility.Locality("Mount Vernon", "NY", "10550", "914"))),
            new Template("Front Range Regional Hospital", "America/Denver", List.of(
                    new Facility.Locality("Denver", "CO", "80203", "303"),
                    new Facility.Locality("Aurora", "CO", "80012", "720"),
                    new Facility.Locality("Lakewood", "CO", "80226", "303"))),
            new Template("Pacific Crest Hospital", "America/Los_Angeles", List.of(
                    new Facility.Locality("Sacramento", "CA", "95814", "916"),
                    new Facility.Locality("Elk Grove", "CA", "95624", "916"),
                    new Facility.Locality("Roseville", "CA", "95678", "916"))),
            new Template("Desert Sun Medical Center", "America/Phoenix", List.of(
                    new Facility.Locality("Phoenix", "AZ", "85004", "602"),
                    new Facility.Locality("Mesa", "AZ", "85201", "480"),
                    new Facility.Locality("Tempe", "AZ", "85281", "480"))),
            new Template("Magnolia Regional Hospital", "America/New_York", List.of(
                    new Facility.Locality("Atlanta", "GA", "30303", "404"),
                    new Facility.Locality("Decatur", "GA", "30030", "404"),
                    new Facility.Locality("Marietta", "GA", "30060", "770"))),
            new Template("Bayou Community Hospital", "America/Chicago", List.of(
                    new Facility.Locality("Baton Rouge", "LA", "70802", "225"),
                    new Facility.Locality("Denham Springs", "LA", "70726", "225"))),
            new Template("Kenai Medical Center", "America/Anchorage", List.of(
                    new Facility.Locality("Anchorage", "AK", "99501", "907"),
                    new Facility.Locality("Wasilla", "AK", "99654", "907"))),
            new Template("Kona Coast Hospital", "Pacific/Honolulu", List.of(
                    new Facility.Locality("Honolulu", "HI", "96813", "808"),
                    new Facility.Locality("Kailua", "HI", "96734", "808"))));

    private final List<Facility> facilities;

    public HealthSystem(GeneratorConfig config)
    {
        requireNonNull(config, "config is null");
        List<Facility> built = new ArrayList<>();
        for (int index = 0; index < config.facilities(); index++) {
            built.add(facility(config.seed(), index, config.dailyEncountersPerFacility()));
        }
        this.facilities = List.copyOf(built);
    }

    public List<Facility> facilities()
    {
        return facilities;
    }

    private static Facility facility(long seed, int index, int dailyEncounters)
    {
        Template template = TEMPLATES.get(index % TEMPLATES.size());
        int campus = index / TEMPLATES.size();
        String id = String.format("F%02d", index + 1);
        String name = campus == 0 ? template.name() : template.name() + " Campus " + (campus + 1);
        SplittableRandom random = Seeds.random(seed, STAFF_STREAM, index);
        return new Facility(index, id, name, ZoneId.of(template.zone()), template.localities(),
                registrars(id, dailyEncounters, random), physicians(random));
    }

    /**
     * Enough registrars per shift for the volume (an ED registrar handles roughly 45 registrations a
     * shift, an outpatient one 40, a pre-access one 70 calls a day), each with an error propensity drawn
     * log-normally and scaled so that each role's mean is exactly 1.
     */
    private static List<Registrar> registrars(String facilityId, int daily, SplittableRandom random)
    {
        record Slot(Registrar.Role role, Registrar.Shift shift, int count) {}
        List<Slot> slots = List.of(
                new Slot(Registrar.Role.EMERGENCY, Registrar.Shift.DAY, Math.max(2, (int) Math.round(daily * 0.40 / 45))),
                new Slot(Registrar.Role.EMERGENCY, Registrar.Shift.EVENING, Math.max(2, (int) Math.round(daily * 0.40 / 45))),
                new Slot(Registrar.Role.EMERGENCY, Registrar.Shift.NIGHT, Math.max(1, (int) Math.round(daily * 0.40 / 90))),
                new Slot(Registrar.Role.PATIENT_ACCESS, Registrar.Shift.EARLY, Math.max(2, (int) Math.round(daily * 0.60 / 40))),
                new Slot(Registrar.Role.PATIENT_ACCESS, Registrar.Shift.LATE, Math.max(1, (int) Math.round(daily * 0.60 / 80))),
                new Slot(Registrar.Role.PRE_ACCESS, Registrar.Shift.OFFICE, Math.max(2, (int) Math.round(daily * 0.50 / 70))));
        List<Slot> expanded = new ArrayList<>();
        List<Double> propensities = new ArrayList<>();
        Map<Registrar.Role, Double> sums = new java.util.EnumMap<>(Registrar.Role.class);
        Map<Registrar.Role, Integer> counts = new java.util.EnumMap<>(Registrar.Role.class);
        for (Slot slot : slots) {
            for (int i = 0; i < slot.count(); i++) {
                double propensity = Math.min(3.0, Math.max(0.2, Draws.spread(random, 0.5)));
                expanded.add(slot);
                propensities.add(propensity);
                sums.merge(slot.role(), propensity, Double::sum);
                counts.merge(slot.role(), 1, Integer::sum);
            }
        }
        // Scaled per role: the configured defect rates then hold for each desk's encounters on average.
        List<Registrar> registrars = new ArrayList<>();
        for (int i = 0; i < expanded.size(); i++) {
            Slot slot = expanded.get(i);
            double mean = sums.get(slot.role()) / counts.get(slot.role());
            registrars.add(new Registrar(String.format("%s-R%03d", facilityId, i + 1), facilityId, slot.role(), slot.shift(),
                    propensities.get(i) / mean));
        }
        return registrars;
    }

    private static List<Physician> physicians(SplittableRandom random)
    {
        Map<Department, Integer> counts = Map.of(Department.ED, 4, Department.IMG, 8, Department.SURG, 5, Department.INPT, 5, Department.CLIN, 8);
        List<Physician> physicians = new ArrayList<>();
        for (Department department : Department.values()) {
            for (int i = 0; i < counts.get(department); i++) {
                String base = "1" + String.format("%08d", random.nextInt(100_000_000));
                String npi = base + Physician.npiCheckDigit(base);
                int given = random.nextInt(SyntheticNames.givenCount());
                PersonName name = new PersonName(Draws.pick(random, SyntheticNames.FAMILY), SyntheticNames.given(given), null);
                physicians.add(new Physician(npi, name, department));
            }
        }
        return physicians;
    }
}
