package io.admitto.api.kpi;

import static java.util.Objects.requireNonNull;

/** Registrations of one facility's department over the whole report period. */
public record DepartmentRegistrations(String facilityId, String department, long registrations)
{
    public DepartmentRegistrations
    {
        requireNonNull(facilityId, "facilityId is null");
        requireNonNull(department, "department is null");
    }
}
