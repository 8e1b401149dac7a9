package io.miniauth.server.emulator;

import io.miniauth.server.app.EmulatorMode;
import io.miniauth.server.config.MiniAuthProperties;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when {@link EmulatorMode} says the emulator is on.
 */
class EmulatorOnCondition implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return Binder.get(context.getEnvironment())
			.bind("miniauth", MiniAuthProperties.class)
			.map(EmulatorMode::isOn)
			.orElse(true);
	}

}
