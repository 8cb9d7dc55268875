package io.vendo;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(VendoApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApisAndHaveNoCycles() {
        modules.verify();
    }

    @Test
    void everyCapabilityIsAModule() {
        var names = modules.stream()
                .map(module -> module.getIdentifier().toString())
                .toList();
        org.assertj.core.api.Assertions.assertThat(names)
                .contains("catalog", "request", "approval", "execution", "aws", "audit", "identity", "web");
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
