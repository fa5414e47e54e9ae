package io.admitto.ingest.generator;

import java.time.DayOfWeek;
import java.util.List;

import static io.admitto.ingest.generator.AuthorizationCategory.ADVANCED_IMAGING;
import static io.admitto.ingest.generator.AuthorizationCategory.INPATIENT;
import static io.admitto.ingest.generator.AuthorizationCategory.NONE;
import static io.admitto.ingest.generator.AuthorizationCategory.SURGERY;
import static io.admitto.ingest.generator.MedicalService.cpt;
import static io.admitto.ingest.generator.MedicalService.hcpcs;
import static java.util.Objects.requireNonNull;

/**
 * How a department behaves: its share of a weekday's encounters and how that changes over the week,
 * when patients come (scheduled patients along {@code scheduledCurve}, the others along
 * {@code walkInCurve}), how far ahead bookings are made, who its patients are, and what it does.
 *
 * @param weekdayShare share of a facility's mean weekday volume
 * @param dayFactors volume factor per day of week, Monday first
 * @param scheduledFraction share of encounters booked ahead (the rest walk in or are sent in the same day)
 * @param ageMix weights of the age bands {@link AgeBand#values()} among the department's patients
 */
record DepartmentProfile(
        Department department,
        double weekdayShare,
        double[] dayFactors,
        ArrivalCurve scheduledCurve,
        ArrivalCurve walkInCurve,
        double scheduledFraction,
        int minLeadDays,
        int maxLeadDays,
        double[] ageMix,
        List<MedicalService> services)
{
    /** Bookings are never made more than this many days ahead (plus a weekend). */
    static final int MAX_LEAD_DAYS = 30;

    private static final double[] WEEKDAYS_ONLY = {1, 1, 1, 1, 0.9, 0, 0};

    DepartmentProfile
    {
        requireNonNull(department, "department is null");
        requireNonNull(scheduledCurve, "scheduledCurve is null");
        requireNonNull(walkInCurve, "walkInCurve is null");
        services = List.copyOf(services);
        if (dayFactors.length != 7 || ageMix.length != AgeBand.values().length) {
            throw new IllegalArgumentException("bad profile for " + department);
        }
        if (maxLeadDays > MAX_LEAD_DAYS || minLeadDays < 0 || minLeadDays > maxLeadDays) {
            throw new IllegalArgumentException("lead days of " + department + " must lie in [0, " + MAX_LEAD_DAYS + "]");
        }
    }

    double[] serviceWeights()
    {
        double[] weights = new double[services.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = services.get(i).weight();
        }
        return weights;
    }

    double meanEncounters(int dailyEncounters, DayOfWeek day)
    {
        return dailyEncounters * weekdayShare * dayFactors[day.getValue() - 1];
    }

    static List<DepartmentProfile> standard()
    {
        return List.of(emergency(), imaging(), surgery(), inpatient(), clinics());
    }

    private static DepartmentProfile emergency()
    {
        String[] dx = {"R07.9", "R10.9", "S93.401A", "J06.9", "R51.9", "N39.0", "S01.81XA", "R55", "M54.50", "J45.901"};
        return new DepartmentProfile(Department.ED, 0.40, new double[] {1.12, 1.0, 0.98, 0.97, 1.0, 1.02, 1.05},
                ArrivalCurve.emergency(), ArrivalCurve.emergency(), 0.0, 0, 0,
                new double[] {0.20, 0.35, 0.25, 0.20},
                List.of(cpt("99281", "ED visit, straightforward", 450, NONE, 0.05, dx),
                        cpt("99282", "ED visit, low complexity", 780, NONE, 0.15, dx),
                        cpt("99283", "ED visit, moderate complexity", 1250, NONE, 0.35, dx),
                        cpt("99284", "ED visit, moderately high complexity", 2150, NONE, 0.30, dx),
                        cpt("99285", "ED visit, high complexity", 3450, NONE, 0.15, dx)));
    }

    private static DepartmentProfile imaging()
    {
        ArrivalCurve curve = ArrivalCurve.appointments(7, 18, false);
        return new DepartmentProfile(Department.IMG, 0.20, WEEKDAYS_ONLY, curve, curve, 0.8, 1, 21,
                new double[] {0.05, 0.25, 0.35, 0.35},
                List.of(cpt("70553", "MRI brain without and with contrast", 3200, ADVANCED_IMAGING, 0.10, "G43.909", "R51.9", "G40.909"),
                        cpt("72148", "MRI lumbar spine without contrast", 2450, ADVANCED_IMAGING, 0.10, "M54.50", "M51.26", "M54.16"),
                        cpt("73721", "MRI lower extremity joint without contrast", 2300, ADVANCED_IMAGING, 0.07, "M25.561", "M23.221", "S83.241A"),
                        cpt("74177", "CT abdomen and pelvis with contrast", 2600, ADVANCED_IMAGING, 0.10, "R10.9", "K57.92", "N20.0"),
                        cpt("71250", "CT chest without contrast", 1850, ADVANCED_IMAGING, 0.06, "R91.1", "R05.9"),
                        cpt("71046", "Chest X-ray, 2 views", 320, NONE, 0.22, "R05.9", "J18.9", "R06.02"),
                        cpt("77067", "Screening mammography, bilateral", 380, NONE, 0.15, "Z12.31"),
                        cpt("76700", "Ultrasound abdomen, complete", 720, NONE, 0.10, "R10.9", "K80.20", "R74.01"),
                        cpt("73030", "X-ray shoulder, 2 views", 260, NONE, 0.10, "M25.511", "S43.004A")));
    }

    private static DepartmentProfile surgery()
    {
        ArrivalCurve curve = ArrivalCurve.appointments(6, 13, false);
        return new DepartmentProfile(Department.SURG, 0.07, WEEKDAYS_ONLY, curve, curve, 1.0, 5, 30,
                new double[] {0.04, 0.20, 0.36, 0.40},
                List.of(cpt("29881", "Knee arthroscopy with meniscectomy", 14500, SURGERY, 0.15, "M23.221", "S83.241A"),
                        cpt("47562", "Laparoscopic cholecystectomy", 22000, SURGERY, 0.12, "K80.20", "K81.0"),
                        cpt("66984", "Cataract removal with lens implant", 9800, SURGERY, 0.18, "H25.11", "H25.12"),
                        cpt("45378", "Colonoscopy, diagnostic", 4200, NONE, 0.25, "K63.5", "R19.5", "Z86.010"),
                        cpt("49505", "Inguinal hernia repair", 12800, SURGERY, 0.12, "K40.90"),
                        cpt("27447", "Total knee arthroplasty", 48000, SURGERY, 0.10, "M17.11", "M17.12"),
                        cpt("63030", "Lumbar laminotomy with decompression", 31000, SURGERY, 0.08, "M51.26", "M48.061")));
    }

    private static DepartmentProfile inpatient()
    {
        return new DepartmentProfile(Department.INPT, 0.08, new double[] {1, 1, 1, 1, 1, 0.5, 0.4},
                ArrivalCurve.appointments(6, 10, true), ArrivalCurve.directAdmissions(), 0.6, 3, 21,
                new double[] {0.04, 0.14, 0.30, 0.52},
                List.of(cpt("99223", "Initial hospital care, high complexity (per day)", 6800, INPATIENT, 0.30, "I50.9", "J18.9", "A41.9", "J44.1"),
                        cpt("99222", "Initial hospital care, moderate complexity (per day)", 5900, INPATIENT, 0.70, "N17.9", "K85.90", "I63.9", "E86.0", "N39.0")));
    }

    private static DepartmentProfile clinics()
    {
        ArrivalCurve curve = ArrivalCurve.appointments(8, 16, false);
        return new DepartmentProfile(Department.CLIN, 0.25, WEEKDAYS_ONLY, curve, curve, 0.9, 1, 30,
                new double[] {0.15, 0.28, 0.30, 0.27},
                List.of(cpt("99213", "Office visit, established, low complexity", 210, NONE, 0.35, "I10", "E11.9", "E78.5", "J45.909", "M54.50"),
                        cpt("99214", "Office visit, established, moderate complexity", 320, NONE, 0.25, "I10", "E11.65", "I25.10", "N18.30"),
                        cpt("99203", "Office visit, new patient, low complexity", 260, NONE, 0.12, "R10.9", "M25.561", "R51.9"),
                        cpt("99204", "Office visit, new patient, moderate complexity", 420, NONE, 0.08, "R07.89", "R42"),
                        hcpcs("G0439", "Annual wellness visit, subsequent (Medicare)", 240, NONE, 0.08, "Z00.00", "Z00.01"),
                        cpt("99396", "Preventive visit, established, 40-64", 350, NONE, 0.12, "Z00.00", "Z00.01")));
    }
}
