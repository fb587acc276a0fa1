package cn.govcloud.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total for paging controls.
 *
 * @param page zero-based page number
 */
public record Page<T>(List<T> items, int page, int size, long total) {

	public static final int MAX_SIZE = 200;

	public int pages() {
		return (int) Math.max(1, (this.total + this.size - 1) / this.size);
	}

	public boolean hasPrevious() {
		return this.page > 0;
	}

	public boolean hasNext() {
		return this.page + 1 < pages();
	}

	public <R> Page<R> map(Function<T, R> mapper) {
		return new Page<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total);
	}

	/**
	 * The last page anyone can ask for: its offset, and the number of the page after it,
	 * still fit in an {@code int} (a larger page number read past the end and
	 * overflowed).
	 */
	public static final int MAX_PAGE = Integer.MAX_VALUE / MAX_SIZE - 1;

	/**
	 * A page request clamped to sane bounds: 0 ≤ page ≤ {@link #MAX_PAGE}, 1 ≤ size ≤
	 * {@value #MAX_SIZE}.
	 */
	public static Request request(int page, int size) {
		int clampedSize = Math.min(Math.max(size, 1), MAX_SIZE);
		return new Request(Math.min(Math.max(page, 0), MAX_PAGE), clampedSize);
	}

	public record Request(int page, int size) {

		public int offset() {
			return this.page * this.size;
		}

	}

}
