package io.admitto.qarules.catalogue;

import io.admitto.qarules.Category;
import io.admitto.qarules.Scenario;
import io.admitto.qarules.Severity;
import io.admitto.qarules.config.OrganizationConfigLoader;
import io.admitto.qarules.rule.RuleDescriptor;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class RuleCatalogueTest
{
    private final RuleCatalogue catalogue = RuleCatalogue.standard();

    @Test
    void atLeastFortyRulesCoveringEveryCategory()
    {
        assertThat(catalogue.rules()).hasSizeGreaterThanOrEqualTo(40);
        Set<Category> categories = catalogue.descriptors().stream().map(RuleDescriptor::category).collect(Collectors.toSet());
        assertThat(categories).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Category.class));
    }

    @Test
    void everyRuleIsDocumented()
    {
        for (RuleDescriptor descriptor : catalogue.descriptors()) {
            assertThat(descriptor.rationale()).as(descriptor.id()).hasSizeGreaterThan(40);
            assertThat(descriptor.source()).as(descriptor.id()).isNotBlank();
            assertThat(descriptor.carcs()).as(descriptor.id()).allMatch(carc -> carc.matches("[0-9]{1,3}"));
        }
    }

    @Test
    void emtalaRulesAreCritical()
    {
        assertThat(catalogue.descriptors()).filteredOn(descriptor -> descriptor.category() == Category.EMTALA)
                .hasSize(4).allSatisfy(descriptor -> assertThat(descriptor.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void everyRuleHasASpecification() throws IOException
    {
        // a rule's specification mentions its id in a test beside the rule's package
        String tests;
        try (Stream<Path> files = Files.walk(Path.of("src/test/java/io/admitto/qarules"))) {
            tests = files.filter(path -> path.toString().endsWith("RulesTest.java")).map(RuleCatalogueTest::read).collect(Collectors.joining("\n"));
        }
        for (RuleDescriptor descriptor : catalogue.descriptors()) {
            assertThat(tests).as("a specification of " + descriptor.id()).contains("\"" + descriptor.id() + "\"");
        }
    }

    @Test
    void linesAreIdTabSeverityTabTitleForTheActiveConfiguration()
    {
        List<String> lines = catalogue.lines(OrganizationConfigLoader.loadDefault());
        assertThat(lines).hasSize(catalogue.rules().size());
        assertThat(lines).contains("EMT-001\tcritical\tED payment collected before the medical screening exam");
        assertThat(lines).allMatch(line -> line.split("\t").length == 3);

        var config = OrganizationConfigLoader.parse(Scenario.defaultConfigJson().replace("\"rules\": {}",
                "\"rules\": {\"TML-001\": {\"enabled\": false}, \"ID-008\": {\"severity\": \"warning\"}}"));
        List<String> active = catalogue.lines(config);
        assertThat(active).hasSize(catalogue.rules().size() - 1).noneMatch(line -> line.startsWith("TML-001"))
                .contains("ID-008\twarning\tSocial security number malformed");
    }

    private static String read(Path path)
    {
        try {
            return Files.readString(path);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
