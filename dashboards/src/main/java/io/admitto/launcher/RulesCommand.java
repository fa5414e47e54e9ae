package io.admitto.launcher;

import io.admitto.qarules.catalogue.RuleCatalogue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code admitto rules}: the rule catalogue of the active configuration, one rule a line. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "Print the registration QA rules of the active configuration: id<TAB>severity<TAB>title, one a line.")
final class RulesCommand implements Callable<Integer> {
    @Mixin
    OrganizationConfigOption configuration;

    @Override
    public Integer call() throws Exception {
        Console console = new Console(System.out);
        RuleCatalogue.standard().lines(configuration.load()).forEach(console::info);
        return 0;
    }
}
