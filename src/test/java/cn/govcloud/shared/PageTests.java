package cn.govcloud.shared;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PageTests {

	@Test
	void theLargestPageNumberReadsAnEmptyPageInsteadOfOverflowingTheOffset() {
		Page.Request request = Page.request(Integer.MAX_VALUE, Integer.MAX_VALUE);
		assertThat(request.size()).isEqualTo(Page.MAX_SIZE);
		assertThat(request.offset()).isPositive();
		Page<String> page = new Page<>(List.of(), request.page(), request.size(), 3);
		assertThat(page.hasNext()).isFalse();
		assertThat(page.hasPrevious()).isTrue();
	}

	@Test
	void negativePagesAndSizesReadAsTheFirstPageOfOne() {
		Page.Request request = Page.request(-5, -5);
		assertThat(request.page()).isZero();
		assertThat(request.size()).isEqualTo(1);
		assertThat(request.offset()).isZero();
	}

	@Test
	void aPageSaysTheSizeAndTheOrderItWasReadIn() {
		Page<String> page = Page.request(0, 1000, new SortOrder("name", false)).of(java.util.List.of("b", "a"), 2);
		assertThat(page.size()).isEqualTo(Page.MAX_SIZE);
		assertThat(page.sort()).isEqualTo("name,desc");
		assertThat(page.map(String::toUpperCase).sort()).isEqualTo("name,desc");
		assertThat(Page.request(0, 20).of(java.util.List.of(), 0).sort()).isNull();
	}

}
