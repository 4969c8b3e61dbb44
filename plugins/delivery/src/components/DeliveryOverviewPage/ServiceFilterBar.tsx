import { parseEntityRef } from '@backstage/catalog-model';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import { humanizeEntityRef } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import FormControl from '@material-ui/core/FormControl';
import InputLabel from '@material-ui/core/InputLabel';
import MenuItem from '@material-ui/core/MenuItem';
import OutlinedInput from '@material-ui/core/OutlinedInput';
import Select from '@material-ui/core/Select';
import { useId } from 'react';
import { deliveryTranslationRef } from '../../translation';
import {
  ServiceFilterName,
  ServiceFilters,
  serviceFilterNames,
} from './serviceFilters';

const filterLabels = {
  owner: 'team.ownerFilter',
  system: 'team.systemFilter',
  lifecycle: 'team.lifecycleFilter',
} as const;

const defaultKinds: Record<ServiceFilterName, string | undefined> = {
  owner: 'group',
  system: 'system',
  lifecycle: undefined,
};

const optionLabel = (name: ServiceFilterName, value: string) => {
  const defaultKind = defaultKinds[name];
  if (!defaultKind) {
    return value;
  }
  try {
    return humanizeEntityRef(parseEntityRef(value), { defaultKind });
  } catch {
    return value;
  }
};

const FilterSelect = ({
  name,
  value,
  options,
  onChange,
}: {
  name: ServiceFilterName;
  value: string | undefined;
  options: string[];
  onChange: (value: string | undefined) => void;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const labelId = useId();
  const label = t(filterLabels[name]);
  // A value from a shared URL that no component has any more is still shown as chosen.
  const choices =
    value && !options.includes(value) ? [value, ...options] : options;
  return (
    <FormControl size="small" variant="outlined" style={{ minWidth: 180 }}>
      <InputLabel id={labelId} shrink>
        {label}
      </InputLabel>
      <Select
        labelId={labelId}
        input={<OutlinedInput label={label} notched />}
        value={value ?? ''}
        displayEmpty
        onChange={event =>
          onChange((event.target.value as string) || undefined)
        }
      >
        <MenuItem value="">{t('team.allOption')}</MenuItem>
        {choices.map(choice => (
          <MenuItem key={choice} value={choice}>
            {optionLabel(name, choice)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
};

/** Owner, system and lifecycle selects over the catalog's components. */
export const ServiceFilterBar = ({
  filters,
  options,
  onChange,
  onClear,
}: {
  filters: ServiceFilters;
  options: Record<ServiceFilterName, string[]>;
  onChange: (name: ServiceFilterName, value: string | undefined) => void;
  onClear: () => void;
}) => {
  const { t } = useTranslationRef(deliveryTranslationRef);
  const anyChosen = serviceFilterNames.some(name => filters[name]);
  return (
    <Box
      display="flex"
      flexWrap="wrap"
      alignItems="center"
      role="group"
      aria-label={t('team.filtersLabel')}
      style={{ gap: 12 }}
    >
      {serviceFilterNames.map(name => (
        <FilterSelect
          key={name}
          name={name}
          value={filters[name]}
          options={options[name]}
          onChange={value => onChange(name, value)}
        />
      ))}
      {anyChosen && (
        <Button size="small" onClick={onClear}>
          {t('team.clearFilters')}
        </Button>
      )}
    </Box>
  );
};
