package cn.govcloud.catalogue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class SpecJsonTests {

	private final SpecJson specs = new SpecJson(JsonMapper.builder().build());

	@Test
	void wholeNumbersReadAsLongsInTheStoredOrder() {
		assertThat(this.specs.read("{\"vcpu\":8,\"memoryGb\":32,\"os\":\"麒麟 V10\"}"))
			.containsExactly(Map.entry("vcpu", 8L), Map.entry("memoryGb", 32L), Map.entry("os", "麒麟 V10"));
	}

	@Test
	void eachReaderGetsAMapOfItsOwnFromASpecParsedOnce() {
		String stored = "{\"vcpu\":4,\"memoryGb\":16}";
		Map<String, Object> first = this.specs.read(stored);
		first.put("vcpu", 64L);
		first.remove("memoryGb");
		assertThat(this.specs.read(stored)).containsExactly(Map.entry("vcpu", 4L), Map.entry("memoryGb", 16L));
		assertThat(this.specs.write(this.specs.read(stored))).isEqualTo(stored);
	}

}
