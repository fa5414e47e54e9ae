package io.admitto.jobs.flow;

import org.apache.flink.api.common.typeinfo.TypeInformation;

import java.util.Objects;

/** A department of a facility: the grouping key of {@code department_hourly}. */
public record DepartmentKey(String facilityId, String department) {
    static final TypeInformation<DepartmentKey> TYPE = TypeInformation.of(DepartmentKey.class);

    public DepartmentKey {
        Objects.requireNonNull(facilityId, "facilityId is null");
        Objects.requireNonNull(department, "department is null");
    }

    /**
     * Spelled out because Flink routes keys by hash code: it must be the same in every JVM and JDK
     * that restores a savepoint, which {@link Objects#hash} guarantees and a record's generated
     * hash code does not promise.
     */
    @Override
    public int hashCode() {
        return Objects.hash(facilityId, department);
    }
}
