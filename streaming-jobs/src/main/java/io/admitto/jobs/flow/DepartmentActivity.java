package io.admitto.jobs.flow;

import org.apache.flink.api.common.typeinfo.TypeInformation;

import static java.util.Objects.requireNonNull;

/**
 * Something that counts towards a department's hour: a registration, or a measured registration wait
 * (a sample). The record's Flink timestamp is its event time: the registration's, or the completion's.
 *
 * @param eventId the registration event, or the completion event a wait sample ends at
 * @param waitSeconds the wait of a sample; 0 for a registration
 */
public record DepartmentActivity(String facilityId, String department, Kind kind, String eventId, double waitSeconds) {
    static final TypeInformation<DepartmentActivity> TYPE = TypeInformation.of(DepartmentActivity.class);

    public enum Kind {
        REGISTRATION,
        WAIT_SAMPLE
    }

    public DepartmentActivity {
        requireNonNull(facilityId, "facilityId is null");
        requireNonNull(department, "department is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(eventId, "eventId is null");
    }

    public static DepartmentActivity registration(String facilityId, String department, String eventId) {
        return new DepartmentActivity(facilityId, department, Kind.REGISTRATION, eventId, 0);
    }

    public static DepartmentActivity waitSample(String facilityId, String department, String completionEventId, double waitSeconds) {
        return new DepartmentActivity(facilityId, department, Kind.WAIT_SAMPLE, completionEventId, waitSeconds);
    }

    public DepartmentKey key() {
        return new DepartmentKey(facilityId, department);
    }

    /** For logs: no PHI in here, only codes and ids. */
    public String describe() {
        return kind + " " + eventId + " in " + facilityId + "/" + department;
    }
}
