package cn.govcloud.shared.web;

import java.time.Instant;
import java.util.SplittableRandom;

import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonOutputTests {

	@Test
	void instantsReadAsInstantToStringWritesThem() {
		assertThat(JsonOutput.format(Instant.parse("2026-11-28T10:00:00Z"))).isEqualTo("2026-11-28T10:00:00Z");
		assertThat(JsonOutput.format(Instant.parse("2026-12-05T09:12:13.170756267Z")))
			.isEqualTo("2026-12-05T09:12:13.170756267Z");
		assertThat(JsonOutput.format(Instant.parse("2026-12-05T09:12:13.100Z"))).isEqualTo("2026-12-05T09:12:13.100Z");
		assertThat(JsonOutput.format(Instant.parse("1969-12-31T23:59:59.000001Z")))
			.isEqualTo("1969-12-31T23:59:59.000001Z");
		for (Instant edge : new Instant[] { Instant.EPOCH, Instant.MIN, Instant.MAX,
				Instant.parse("0999-12-31T23:59:59Z"), Instant.parse("1000-01-01T00:00:00Z"),
				Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("+10000-01-01T00:00:00Z") }) {
			assertThat(JsonOutput.format(edge)).isEqualTo(edge.toString());
		}
		SplittableRandom random = new SplittableRandom(13);
		for (int i = 0; i < 100_000; i++) {
			long seconds = random.nextLong(-40_000_000_000L, 260_000_000_000L);
			int nano = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(seconds, nano);
			assertThat(JsonOutput.format(instant)).isEqualTo(instant.toString());
		}
	}

	@Test
	void theMapperWritesInstantsThroughIt() {
		JsonMapper mapper = JsonMapper.builder()
			.addModule(new tools.jackson.databind.module.SimpleModule().addSerializer(new JsonOutput.IsoInstant()))
			.build();
		assertThat(mapper.writeValueAsString(new Point(Instant.parse("2026-11-28T10:00:00.5Z"))))
			.isEqualTo("{\"at\":\"2026-11-28T10:00:00.500Z\"}");
	}

	record Point(Instant at) {
	}

}
