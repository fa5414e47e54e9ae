package io.admitto.ingest.generator;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * A hospital of the synthetic health system. Event times carry the offset of its time zone, as a
 * local interface engine would send them.
 *
 * @param index position in the health system, 0-based; {@code id} is {@code F} and index + 1 in two digits
 * @param localities where its patients live
 */
public record Facility(
        int index,
        String id,
        String name,
        ZoneId zone,
        List<Locality> localities,
        List<Registrar> registrars,
        List<Physician> physicians)
{
    /** A town patients come from, with a postal code and the telephone area code used there. */
    public record Locality(String city, String state, String postalCode, String areaCode) {}

    public Facility
    {
        requireNonNull(id, "id is null");
        requireNonNull(name, "name is null");
        requireNonNull(zone, "zone is null");
        localities = List.copyOf(localities);
        registrars = List.copyOf(registrars);
        physicians = List.copyOf(physicians);
    }

    List<Registrar> registrars(Registrar.Role role)
    {
        List<Registrar> result = new ArrayList<>();
        for (Registrar registrar : registrars) {
            if (registrar.role() == role) {
                result.add(registrar);
            }
        }
        return result;
    }

    /** Rosters by role and local hour, computed once: picking a registrar happens per encounter. */
    static Map<Registrar.Role, List<List<Registrar>>> rosters(List<Registrar> registrars)
    {
        Map<Registrar.Role, List<List<Registrar>>> rosters = new java.util.EnumMap<>(Registrar.Role.class);
        for (Registrar.Role role : Registrar.Role.values()) {
            List<List<Registrar>> byHour = new ArrayList<>(24);
            for (int hour = 0; hour < 24; hour++) {
                List<Registrar> onDuty = new ArrayList<>();
                for (Registrar registrar : registrars) {
                    if (registrar.role() == role && registrar.shift().covers(hour)) {
                        onDuty.add(registrar);
                    }
                }
                byHour.add(List.copyOf(onDuty));
            }
            rosters.put(role, List.copyOf(byHour));
        }
        return rosters;
    }
}
