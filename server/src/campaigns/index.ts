// The campaign catalogue's public face: definitions, a year's occurrences, mentions in text.
// Implementation files stay private; import from here (never from the implementation files).
export type { CampaignDefinition, CampaignEra, CampaignMention, CampaignOccurrence, DateRule } from './types';
export { campaignCatalogue } from './catalogue';
export { campaignByCode, campaignOccurrence, campaignsForYear } from './occurrence';
export { findCampaignMentions } from './match';
export { normaliseCampaignText } from './normalise';
