export { ReportDownload } from './ReportDownload';
