// "打电话给我的驿站": the venue whose hotline the floating button dials (the worker's home venue, or the
// venue brokering the employer's task), kept visible on every page for older users.
import { ref, watch } from "vue";
import type { MobileVenuePageQuery } from "../graphql/generated/graphql";
import { query } from "./api";
import { M_VENUE_PAGE } from "./mobile.documents";

export const myVenueId = ref<string | null>(null);
export const myVenue = ref<MobileVenuePageQuery["venuePublicPage"] | null>(null);

watch(myVenueId, async (id) => {
  if (!id || id === myVenue.value?.id) return;
  myVenue.value = (await query(M_VENUE_PAGE, { id }).catch(() => null))?.venuePublicPage ?? null;
});
