package io.devops.platform;

import io.devops.platform.support.DatabaseIndependent;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

@DatabaseIndependent
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PlatformApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndHaveNoCycles() {
        modules.verify();
    }
}
