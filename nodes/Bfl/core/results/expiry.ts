/**
 * When a result URL stops working, and whether a failed download means it has. One rule for
 * images, videos and drafts alike: BFL signs every result URL with its expiry (`se=`), which is
 * the only reliable clock (10 minutes for most models, reportedly an hour for FLUX 3).
 */

/** The signed expiry (`se=`) of a result URL, as an ISO time; undefined when it has none. */
export function urlExpiry(url: string): string | undefined {
	try {
		const se = new URL(url).searchParams.get('se');
		return se && !Number.isNaN(Date.parse(se)) ? new Date(se).toISOString() : undefined;
	} catch {
		return undefined;
	}
}

/** Statuses a storage host answers for a URL it no longer serves. */
const GONE_STATUSES = [403, 404, 410];

/** Storage error pages that speak of the signature's expiry (Azure: "has to be after current time"). */
const EXPIRY_WORDS = /expir|after current time/i;

/**
 * Whether a failed download of `url` means its signed URL has expired: a 403, 404 or 410 whose
 * page says so, or whose URL's `se=` time has passed (or that carries none to tell otherwise).
 */
export function hasExpired(
	url: string,
	statusCode: number,
	bodyText: string,
	now: number,
): boolean {
	if (!GONE_STATUSES.includes(statusCode)) return false;
	if (EXPIRY_WORDS.test(bodyText)) return true;
	const expiresAt = urlExpiry(url);
	return expiresAt === undefined || Date.parse(expiresAt) <= now;
}
