package cn.govcloud.shared;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list, with the total for paging controls.
 *
 * @param page zero-based page number
 * @param size the page size used: a larger size asked for is capped at
 * {@value #MAX_SIZE}, and this says so
 * @param sort the order asked for ({@code field,asc|desc}), {@code null} for the list's
 * default order
 */
public record Page<T>(List<T> items, int page, int size, long total, String sort) {

	public static final int MAX_SIZE = 200;

	/** A page in the list's default order. */
	public Page(List<T> items, int page, int size, long total) {
		this(items, page, size, total, null);
	}

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
		return new Page<>(this.items.stream().map(mapper).toList(), this.page, this.size, this.total, this.sort);
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
		return request(page, size, null);
	}

	/** The same, in {@code order} ({@code null}: the list's default order). */
	public static Request request(int page, int size, SortOrder order) {
		int clampedSize = Math.min(Math.max(size, 1), MAX_SIZE);
		return new Request(Math.min(Math.max(page, 0), MAX_PAGE), clampedSize, order);
	}

	public record Request(int page, int size, SortOrder order) {

		public int offset() {
			return this.page * this.size;
		}

		/**
		 * The page of {@code items} out of {@code total}, saying the size and order used.
		 */
		public <T> Page<T> of(List<T> items, long total) {
			return new Page<>(items, this.page, this.size, total, (this.order != null) ? this.order.parameter() : null);
		}

	}

}
