package io.admitto.jobs.flow;

import io.admitto.events.CanonicalEvent;
import io.admitto.events.EventType;
import io.admitto.events.RegistrationEvent;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;

/**
 * Picks the registrations an hour counts: {@code registration.registered} and
 * {@code registration.admitted} (an inpatient admission is a registration of its own; pre-registrations,
 * updates, cancellations and discharges are not). De-duplication by event id happens in the hour's
 * window, where a repeated event necessarily lands, so no state is kept here.
 */
final class Registrations extends RichFlatMapFunction<CanonicalEvent, DepartmentActivity> {
    private static final long serialVersionUID = 1L;

    static final String WITHOUT_DEPARTMENT_METRIC = "registrationsWithoutDepartment";

    private transient Counter withoutDepartment;

    @Override
    public void open(OpenContext openContext) {
        withoutDepartment = getRuntimeContext().getMetricGroup().counter(WITHOUT_DEPARTMENT_METRIC);
    }

    @Override
    public void flatMap(CanonicalEvent event, Collector<DepartmentActivity> out) {
        if (!(event instanceof RegistrationEvent registration) || !counts(registration.eventType())) {
            return;
        }
        if (registration.department() == null) {
            // No department, no row to count it in; the registration-quality job reports the gap itself.
            withoutDepartment.inc();
            return;
        }
        out.collect(DepartmentActivity.registration(
                registration.facilityId(), registration.department(), registration.eventId().toString()));
    }

    static boolean counts(EventType type) {
        return type == EventType.REGISTRATION_REGISTERED || type == EventType.REGISTRATION_ADMITTED;
    }
}
