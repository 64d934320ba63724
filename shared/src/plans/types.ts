// A plan's outline as the importer found it: the server stores it, the
// mini-program shows it.

export interface PlanSectionNode {
  /** The ordinal as written after normalisation: `一`, `（一）`. */
  ordinal: string;
  level: number;
  title: string;
  sections: PlanSectionNode[];
}
