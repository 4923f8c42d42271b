package com.foobar.infra.web.infra;

import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.context.annotation.Conditional;

/**
 * Matches exactly where {@link InfraEnabledCondition} does not: the infrastructure view is off.
 */
class InfraDisabledCondition extends NoneNestedConditions {

    InfraDisabledCondition() {
        super(ConfigurationPhase.REGISTER_BEAN);
    }

    @Conditional(InfraEnabledCondition.class)
    static class Enabled {

    }

}
