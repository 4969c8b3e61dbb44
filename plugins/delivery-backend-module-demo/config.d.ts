export interface Config {
  delivery?: {
    /** Demo records for the catalog's Components, labelled with the source `demo`. */
    demoData?: {
      /** Generate demo data on start and hourly. Default false. */
      enabled?: boolean;
      /** How many days back the demo history reaches. Default 182 (six months). */
      days?: number;
    };
  };
}
