package cn.govcloud.shared.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class FileDownloadsTests {

	@Test
	void aPlainNameIsSentAsItIsAndTheTypeIsNotGuessed() {
		ResponseEntity<byte[]> answer = FileDownloads.of("inventory.xlsx", FileDownloads.XLSX, new byte[] { 1, 2 });
		assertThat(answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"inventory.xlsx\"");
		assertThat(answer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(answer.getHeaders().getContentType()).isEqualTo(FileDownloads.XLSX);
		assertThat(answer.getBody()).containsExactly(1, 2);
	}

	@Test
	void aChineseNameReachesTheBrowserIntact() {
		ResponseEntity<byte[]> answer = FileDownloads.of("整改证据.pdf", "application/pdf", new byte[0]);
		String header = answer.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION);
		assertThat(header).contains("filename*=UTF-8''");
		ContentDisposition parsed = ContentDisposition.parse(header);
		assertThat(parsed.getFilename()).isEqualTo("整改证据.pdf");
		assertThat(parsed.getCharset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
	}

}
