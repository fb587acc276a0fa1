package cn.govcloud.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.model.ITemplateEnd;
import org.thymeleaf.model.ITemplateStart;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.templateboundaries.AbstractTemplateBoundariesProcessor;
import org.thymeleaf.processor.templateboundaries.ITemplateBoundariesStructureHandler;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.thymeleaf.templatemode.TemplateMode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.expression.PropertyAccessor;
import org.springframework.expression.spel.support.ReflectivePropertyAccessor;
import org.springframework.expression.spel.support.StandardEvaluationContext;

/**
 * Lets a template's SpEL expressions keep the property reader they found (issue 13). A
 * SpEL property node ({@code ${row.name}}) keeps the reader that worked last time, but
 * uses it again only if the evaluation context's list of accessors contains it; for a
 * bean property that reader is the {@link ReflectivePropertyAccessor}'s optimised reader
 * for one getter, which is never in the list. So every property read of every page looked
 * the getter up again: the accessors sorted for the target's class, two cache lookups by
 * class and name, a new optimised reader — three quarters of the 14 % of the request
 * threads' CPU spent reading properties under the 50-user load test.
 *
 * <p>
 * At the start of each template this dialect gives Thymeleaf's evaluation context the
 * same accessors in a list that also counts the reflective accessor's optimised readers
 * as its own. A kept reader is then used directly; one that no longer fits (another class
 * in the same place) fails, and SpEL looks the property up again, as before. The readers
 * come only from the reflective accessor of this list, after it allowed the read
 * (Thymeleaf's restrictions on classes); a kept reader serves the same getter on another
 * object of that class or a subclass.
 */
@Configuration(proxyBeanMethods = false)
class KeptPropertyReaders {

	@Bean
	AbstractProcessorDialect keptPropertyReadersDialect() {
		return new AbstractProcessorDialect("GovCloud kept property readers", "govcloud", 0) {
			@Override
			public Set<IProcessor> getProcessors(String dialectPrefix) {
				return Set.of(new Installer());
			}
		};
	}

	/**
	 * The class of the reflective accessor's optimised readers (private in Spring), found
	 * once by asking for one: {@code contains} runs on every property read.
	 */
	private static final Class<?> OPTIMISED_READER = new ReflectivePropertyAccessor()
		.createOptimalAccessor(new StandardEvaluationContext(), new Probe("probe"), "name")
		.getClass();

	private record Probe(String name) {
	}

	/** The accessors of one evaluation context, the optimised readers counted in. */
	static final class Accessors extends ArrayList<PropertyAccessor> {

		Accessors(List<PropertyAccessor> accessors) {
			super(accessors);
		}

		@Override
		public boolean contains(Object accessor) {
			return (accessor != null && accessor.getClass() == OPTIMISED_READER) || super.contains(accessor);
		}

	}

	/** Installs the list in the template's evaluation context, once. */
	static final class Installer extends AbstractTemplateBoundariesProcessor {

		Installer() {
			super(TemplateMode.HTML, 0);
		}

		@Override
		public void doProcessTemplateStart(ITemplateContext context, ITemplateStart templateStart,
				ITemplateBoundariesStructureHandler structureHandler) {
			install(context.getVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME));
		}

		@Override
		public void doProcessTemplateEnd(ITemplateContext context, ITemplateEnd templateEnd,
				ITemplateBoundariesStructureHandler structureHandler) {
		}

		static void install(Object evaluationContext) {
			if (evaluationContext instanceof StandardEvaluationContext standard
					&& !(standard.getPropertyAccessors() instanceof Accessors)) {
				standard.setPropertyAccessors(new Accessors(standard.getPropertyAccessors()));
			}
		}

	}

}
