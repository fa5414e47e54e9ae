package io.admitto.ingest.generator;

import java.util.List;

/**
 * Small in-code lists that synthetic people and places are built from: common US surnames and given
 * names, generic street names. Combinations are drawn at random, so no generated person is a real one.
 */
final class SyntheticNames
{
    private SyntheticNames() {}

    static final List<String> FAMILY = List.of(
            "SMITH", "JOHNSON", "WILLIAMS", "BROWN", "JONES", "GARCIA", "MILLER", "DAVIS", "RODRIGUEZ", "MARTINEZ",
            "HERNANDEZ", "LOPEZ", "GONZALEZ", "WILSON", "ANDERSON", "THOMAS", "TAYLOR", "MOORE", "JACKSON", "MARTIN",
            "LEE", "PEREZ", "THOMPSON", "WHITE", "HARRIS", "SANCHEZ", "CLARK", "RAMIREZ", "LEWIS", "ROBINSON",
            "WALKER", "YOUNG", "ALLEN", "KING", "WRIGHT", "SCOTT", "TORRES", "NGUYEN", "HILL", "FLORES",
            "GREEN", "ADAMS", "NELSON", "BAKER", "HALL", "RIVERA", "CAMPBELL", "MITCHELL", "CARTER", "ROBERTS",
            "GOMEZ", "PHILLIPS", "EVANS", "TURNER", "DIAZ", "PARKER", "CRUZ", "EDWARDS", "COLLINS", "REYES",
            "STEWART", "MORRIS", "MORALES", "MURPHY", "COOK", "ROGERS", "GUTIERREZ", "ORTIZ", "MORGAN", "COOPER",
            "PETERSON", "BAILEY", "REED", "KELLY", "HOWARD", "RAMOS", "KIM", "COX", "WARD", "RICHARDSON",
            "WATSON", "BROOKS", "CHAVEZ", "WOOD", "JAMES", "BENNETT", "GRAY", "MENDOZA", "RUIZ", "HUGHES",
            "PRICE", "ALVAREZ", "CASTILLO", "SANDERS", "PATEL", "MYERS", "LONG", "ROSS", "FOSTER", "JIMENEZ");

    static final List<String> FEMALE = List.of(
            "MARY", "PATRICIA", "JENNIFER", "LINDA", "ELIZABETH", "BARBARA", "SUSAN", "JESSICA", "SARAH", "KAREN",
            "LISA", "NANCY", "BETTY", "MARGARET", "SANDRA", "ASHLEY", "KIMBERLY", "EMILY", "DONNA", "MICHELLE",
            "CAROL", "AMANDA", "DOROTHY", "MELISSA", "DEBORAH", "STEPHANIE", "REBECCA", "SHARON", "LAURA", "CYNTHIA",
            "KATHLEEN", "AMY", "ANGELA", "SHIRLEY", "ANNA", "BRENDA", "PAMELA", "EMMA", "NICOLE", "HELEN",
            "SAMANTHA", "KATHERINE", "CHRISTINE", "DEBRA", "RACHEL", "CAROLYN", "JANET", "CATHERINE", "MARIA", "HEATHER");

    static final List<String> MALE = List.of(
            "JAMES", "ROBERT", "JOHN", "MICHAEL", "DAVID", "WILLIAM", "RICHARD", "JOSEPH", "THOMAS", "CHARLES",
            "CHRISTOPHER", "DANIEL", "MATTHEW", "ANTHONY", "MARK", "DONALD", "STEVEN", "PAUL", "ANDREW", "JOSHUA",
            "KENNETH", "KEVIN", "BRIAN", "GEORGE", "TIMOTHY", "RONALD", "EDWARD", "JASON", "JEFFREY", "RYAN",
            "JACOB", "GARY", "NICHOLAS", "ERIC", "JONATHAN", "STEPHEN", "LARRY", "JUSTIN", "SCOTT", "BRANDON",
            "BENJAMIN", "SAMUEL", "GREGORY", "ALEXANDER", "FRANK", "PATRICK", "RAYMOND", "JACK", "DENNIS", "JERRY");

    static final String MIDDLE_INITIALS = "ABCDEFGHJKLMNPRSTW";

    static final List<String> STREETS = List.of(
            "Oak", "Maple", "Cedar", "Elm", "Pine", "Walnut", "Washington", "Lake", "Hill", "Park",
            "Main", "Church", "Highland", "Sunset", "Ridge", "Spring", "Meadow", "Forest", "River", "Willow",
            "Jefferson", "Lincoln", "Franklin", "Madison", "Prairie", "Orchard", "Garden", "Mill", "Center", "Union");

    static final List<String> STREET_TYPES = List.of("St", "Ave", "Rd", "Dr", "Ln", "Ct", "Blvd", "Way");

    /** Given names of both sexes, women first: the index decides the sex. */
    static int givenCount()
    {
        return FEMALE.size() + MALE.size();
    }

    static String given(int index)
    {
        return index < FEMALE.size() ? FEMALE.get(index) : MALE.get(index - FEMALE.size());
    }

    static String sexOfGiven(int index)
    {
        return index < FEMALE.size() ? "F" : "M";
    }
}
