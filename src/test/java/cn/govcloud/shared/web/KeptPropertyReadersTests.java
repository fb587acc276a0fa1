package cn.govcloud.shared.web;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.Expression;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.standard.SpelExpressionParser;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A SpEL property node keeps its reader once {@link KeptPropertyReaders} has given the
 * context its list, and still reads the right value when the object in its place changes
 * class.
 */
class KeptPropertyReadersTests {

	public record Unit(String name) {
	}

	public record Supplier(String name, int score) {
	}

	/** Counts how often SpEL asks the reflective accessor to look a property up. */
	static final class Counting extends ReflectivePropertyAccessor {

		int lookups;

		@Override
		public boolean canRead(EvaluationContext context, Object target, String name) throws AccessException {
			this.lookups++;
			return super.canRead(context, target, name);
		}

	}

	@Test
	void withoutTheListEveryReadLooksThePropertyUpAgain() {
		Counting reflective = new Counting();
		StandardEvaluationContext context = context(reflective);
		Expression name = new SpelExpressionParser().parseExpression("name");
		for (int i = 0; i < 5; i++) {
			assertThat(name.getValue(context, new Unit("单位" + i))).isEqualTo("单位" + i);
		}
		assertThat(reflective.lookups).isEqualTo(5);
	}

	@Test
	void withTheListAReaderIsKeptAndAnotherClassIsLookedUpAgain() {
		Counting reflective = new Counting();
		StandardEvaluationContext context = context(reflective);
		KeptPropertyReaders.Installer.install(context);
		KeptPropertyReaders.Installer.install(context);
		assertThat(context.getPropertyAccessors()).isInstanceOf(KeptPropertyReaders.Accessors.class)
			.hasSize(1)
			.containsExactly(reflective);
		Expression name = new SpelExpressionParser().parseExpression("name");
		for (int i = 0; i < 5; i++) {
			assertThat(name.getValue(context, new Unit("单位" + i))).isEqualTo("单位" + i);
		}
		assertThat(reflective.lookups).isEqualTo(1);
		assertThat(name.getValue(context, new Supplier("供应商", 90))).isEqualTo("供应商");
		assertThat(reflective.lookups).isEqualTo(2);
		assertThat(name.getValue(context, new Supplier("另一家", 80))).isEqualTo("另一家");
		assertThat(reflective.lookups).isEqualTo(2);
	}

	private static StandardEvaluationContext context(ReflectivePropertyAccessor reflective) {
		StandardEvaluationContext context = new StandardEvaluationContext();
		List<PropertyAccessor> accessors = new ArrayList<>();
		accessors.add(reflective);
		context.setPropertyAccessors(accessors);
		return context;
	}

}
