package cn.govcloud;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema runs the way the code does (ADR 0016): a foreign key from one module's table
 * to another's only where the first module depends on the second, so the schema has no
 * cycle the code does not have.
 */
@GovCloudIntegrationTest
class SchemaDependenciesIntegrationTests {

	/**
	 * Each table whose name does not start with its module's, and the module that owns it
	 * (writes it through its own code).
	 */
	private static final Map<String, String> OWNERS = Map.ofEntries(Map.entry("organization", "organization"),
			Map.entry("app_user", "organization"), Map.entry("user_role", "organization"),
			Map.entry("password_history", "organization"), Map.entry("audit_event", "audit"),
			Map.entry("api_token", "identity"), Map.entry("notification", "notification"),
			Map.entry("resource_kind", "catalogue"), Map.entry("price_list", "catalogue"),
			Map.entry("price_line", "catalogue"), Map.entry("application_system", "systems"),
			Map.entry("system_document", "systems"), Map.entry("system_status_change", "systems"),
			Map.entry("system_exemption", "systems"), Map.entry("resource_application", "request"),
			Map.entry("application_line", "request"), Map.entry("application_revision", "request"),
			Map.entry("application_event", "request"), Map.entry("contract", "contract"),
			Map.entry("contract_line", "contract"), Map.entry("contract_version", "contract"),
			Map.entry("contract_document", "contract"), Map.entry("contract_event", "contract"),
			Map.entry("payment", "contract"), Map.entry("contract_reminder", "contract"),
			Map.entry("work_order", "inventory"), Map.entry("work_order_resize", "inventory"),
			Map.entry("work_order_line", "inventory"), Map.entry("instance", "inventory"),
			Map.entry("instance_address", "inventory"), Map.entry("consistency_run", "inventory"),
			Map.entry("termination", "termination"), Map.entry("termination_instance", "termination"),
			Map.entry("world_generation", "world"), Map.entry("notice_mail_choice", "notification"),
			Map.entry("notice_reader", "notification"), Map.entry("notice_mail", "notification"),
			Map.entry("training_session", "servicedesk"), Map.entry("training_signup", "servicedesk"),
			Map.entry("training_material", "servicedesk"), Map.entry("training_rating", "servicedesk"),
			Map.entry("spring_session", "identity"), Map.entry("spring_session_attributes", "identity"),
			Map.entry("survey", "assessment"), Map.entry("survey_question", "assessment"),
			Map.entry("survey_response", "assessment"), Map.entry("survey_answer", "assessment"),
			Map.entry("assessment_rules", "assessment"), Map.entry("assessment_rule_indicator", "assessment"),
			Map.entry("assessment_rule_band", "assessment"), Map.entry("assessment_adjustment", "assessment"),
			Map.entry("assessment", "assessment"), Map.entry("assessment_event", "assessment"),
			Map.entry("assessment_final_line", "assessment"));

	private final ApplicationModules modules = ApplicationModules.of(GovCloudApplication.class);

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aForeignKeyRunsOnlyFromAModuleToOneItDependsOn() {
		List<String> against = new ArrayList<>();
		for (Map<String, Object> key : this.jdbc.sql("""
				SELECT k.conname, f.relname AS from_table, t.relname AS to_table
				FROM pg_constraint k JOIN pg_class f ON f.oid = k.conrelid JOIN pg_class t ON t.oid = k.confrelid
				WHERE k.contype = 'f' AND f.relnamespace = to_regnamespace(current_schema()) AND NOT f.relispartition
				ORDER BY 1
				""").query().listOfRows()) {
			String from = owner((String) key.get("from_table"));
			String to = owner((String) key.get("to_table"));
			if (!from.equals(to) && !this.modules.getModuleByName(from)
				.orElseThrow()
				.getAllDependencies(this.modules)
				.containsModuleNamed(to)) {
				against.add(key.get("conname") + ": " + from + " → " + to);
			}
		}
		assertThat(against).isEmpty();
	}

	/** The table's module: named above, or the module its name starts with. */
	private String owner(String table) {
		String owner = OWNERS.get(table);
		if (owner == null) {
			owner = this.modules.stream()
				.map(ApplicationModule::getName)
				.filter((module) -> table.startsWith(module + "_"))
				.findFirst()
				.orElse(null);
		}
		assertThat(owner).as("the module owning table " + table).isNotNull();
		return owner;
	}

}
