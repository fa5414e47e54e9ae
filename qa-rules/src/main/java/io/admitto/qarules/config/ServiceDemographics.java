package io.admitto.qarules.config;

import java.util.Set;

/**
 * Who a service is for: the administrative sexes and the age range (in whole years at the service
 * date, inclusive) the CPT descriptor or the payer's edits allow. An empty {@code sexes} allows any;
 * a null bound is open.
 */
public record ServiceDemographics(Set<String> sexes, Integer minimumAge, Integer maximumAge)
{
    public ServiceDemographics
    {
        sexes = Set.copyOf(sexes);
    }
}
