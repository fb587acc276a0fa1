package cn.govcloud.shared;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class StartRefusedFailureAnalyzerTests {

	@Test
	void aStartStoppedByAnotherKeyFileReadsAsTheProblemAndWhatToDo() {
		KeyMismatchException mismatch = new KeyMismatchException(new SecretField("app_user", "id", "phone"), "k1",
				"the key file /srv/govcloud/data/keys/sm4.keys", new IllegalArgumentException("does not open"));
		FailureAnalysis analysis = new StartRefusedFailureAnalyzer()
			.analyze(new BeanCreationException("startup", mismatch));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("app_user.phone")
			.contains("'k1'")
			.contains("the key file /srv/govcloud/data/keys/sm4.keys holds a different key under that id");
		assertThat(analysis.getAction()).contains("govcloud.crypto.key-file");
		assertThat(analysis.getCause()).isNull();
	}

	@Test
	void otherFailuresAreLeftToOtherAnalyzers() {
		assertThat(new StartRefusedFailureAnalyzer().analyze(new IllegalStateException("no"))).isNull();
	}

}
