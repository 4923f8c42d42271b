package com.foobar.infra.web.infra;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the infrastructure view is enabled ({@code foobar.infra.enabled}, true unless set) and has nodes to
 * show ({@code foobar.infra.nodes}); otherwise {@code /infra} and {@code /infra/topology} do not exist.
 */
class InfraEnabledCondition extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Binder binder = Binder.get(context.getEnvironment());
        if (!binder.bind("foobar.infra.enabled", Boolean.class).orElse(true)) {
            return ConditionOutcome.noMatch("foobar.infra.enabled is false");
        }
        List<InfraProperties.Node> nodes = binder.bind("foobar.infra.nodes", Bindable.listOf(InfraProperties.Node.class))
            .orElse(List.of());
        return nodes.isEmpty() ? ConditionOutcome.noMatch("no foobar.infra.nodes")
                : ConditionOutcome.match(nodes.size() + " foobar.infra.nodes");
    }

}
