package io.admitto.api.denials;

/** The {@code category} filter's accepted values: the categories of denials.category. */
final class DenialCategoryParameter
{
    static final String PATTERN = "|ELIGIBILITY|REGISTRATION|COORDINATION_OF_BENEFITS|AUTHORIZATION|MEDICAL_NECESSITY|TIMELY_FILING|DUPLICATE|CODING|OTHER";
    static final String MESSAGE = "must be a denial category (ELIGIBILITY, REGISTRATION, COORDINATION_OF_BENEFITS, AUTHORIZATION, "
            + "MEDICAL_NECESSITY, TIMELY_FILING, DUPLICATE, CODING, OTHER)";

    private DenialCategoryParameter() {}
}
