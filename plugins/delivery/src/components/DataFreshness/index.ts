export { DataFreshnessNote } from './DataFreshnessNote';
